/** What an import has done so far; stored on its row and summarised at the end. */
export interface ImportCounts {
  /** Rows (or feed items) read from the input, including refused and skipped ones. */
  read: number;
  /** New articles: stories not stored before. */
  stored: number;
  /** Duplicates merged into a story already stored (by this source before, or by another source). */
  merged: number;
  /** Of the merged, those another source had brought: now also "seen in" this one. */
  seenInOtherSources: number;
  /** Rows refused, each with its row and field among the refusals. */
  refused: number;
  /** Articles older than --since, skipped. */
  skippedBeforeSince: number;
  /** Evidence created by tagging the new articles. */
  evidence: number;
  bytesDone: number;
}

export function zeroCounts(): ImportCounts {
  return {
    read: 0,
    stored: 0,
    merged: 0,
    seenInOtherSources: 0,
    refused: 0,
    skippedBeforeSince: 0,
    evidence: 0,
    bytesDone: 0,
  };
}

export function addCounts(a: ImportCounts, b: Partial<ImportCounts>): ImportCounts {
  const sum = { ...a };
  for (const key of Object.keys(sum) as (keyof ImportCounts)[]) sum[key] += b[key] ?? 0;
  return sum;
}

/** Where this session of the import started (a resumed import's rate counts only since the resume). */
export interface SessionMark {
  at: Date;
  read: number;
  bytesDone: number;
}

export interface ImportRates {
  rowsPerSecond: number;
  /** Fraction of the input done, when its size is known. */
  fraction: number | null;
  etaSeconds: number | null;
}

/** Rows/s since the session began, and an ETA from the bytes still to read (pure). */
export function importRates(
  counts: ImportCounts,
  session: SessionMark,
  totalBytes: number | null,
  now: Date,
): ImportRates {
  const seconds = Math.max((now.getTime() - session.at.getTime()) / 1000, 0.001);
  const rowsPerSecond = Math.round((counts.read - session.read) / seconds);
  if (!totalBytes) return { rowsPerSecond, fraction: null, etaSeconds: null };
  const fraction = Math.min(1, counts.bytesDone / totalBytes);
  const bytesPerSecond = (counts.bytesDone - session.bytesDone) / seconds;
  const etaSeconds = bytesPerSecond > 0 ? Math.round((totalBytes - counts.bytesDone) / bytesPerSecond) : null;
  return { rowsPerSecond, fraction, etaSeconds };
}
