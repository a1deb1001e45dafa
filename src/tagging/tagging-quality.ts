/**
 * Tagging quality as reviewers observed it, from decided evidence only (pure; the repository
 * reads the rows). Precision = accepted / decided. A stance correction is an accepted row whose
 * stance changed; it counts as accepted (right prediction) and in `stanceCorrected`.
 */
export interface DecidedEvidence {
  trend: string;
  origin: string;
  status: 'accepted' | 'rejected';
  probability: number | null;
  terms: string[];
  cues: string[];
  features: string[];
}

export interface QualityOptions {
  /** Terms decided at least this often are judged. */
  minDecisions: number;
  /** Terms below this observed precision are suggested for review. */
  precisionFloor: number;
}

interface Tally {
  accepted: number;
  rejected: number;
}

const precisionOf = (t: Tally) =>
  t.accepted + t.rejected === 0 ? null : round(t.accepted / (t.accepted + t.rejected));
const round = (x: number) => Math.round(x * 1000) / 1000;
const sourceOf = (origin: string) => (origin === 'rule' ? 'rules' : origin);

function bump(map: Map<string, Tally>, key: string, accepted: boolean): void {
  const tally = map.get(key) ?? { accepted: 0, rejected: 0 };
  if (accepted) tally.accepted++;
  else tally.rejected++;
  map.set(key, tally);
}

function perPredictionAndSource(rows: DecidedEvidence[]) {
  const tallies = new Map<string, Tally>();
  for (const row of rows) bump(tallies, `${row.trend}\u0000${sourceOf(row.origin)}`, row.status === 'accepted');
  return [...tallies].map(([key, t]) => {
    const [trend, source] = key.split('\u0000');
    return { trend, source, accepted: t.accepted, rejected: t.rejected, precision: precisionOf(t) };
  });
}

function termTallies(rows: DecidedEvidence[]) {
  const tallies = new Map<string, Tally>();
  for (const row of rows.filter((r) => r.origin === 'rule')) {
    for (const term of row.terms) bump(tallies, `${row.trend}\u0000term\u0000${term}`, row.status === 'accepted');
    for (const cue of row.cues) bump(tallies, `${row.trend}\u0000cue\u0000${cue}`, row.status === 'accepted');
  }
  return [...tallies].map(([key, t]) => {
    const [trend, kind, text] = key.split('\u0000');
    return { trend, kind, text, accepted: t.accepted, rejected: t.rejected, precision: precisionOf(t)! };
  });
}

/** Predicted probability against the accepted rate, in ten equal bins of probability. */
function calibration(rows: DecidedEvidence[]) {
  const bins = Array.from({ length: 10 }, (_, i) => ({ from: i / 10, to: (i + 1) / 10, n: 0, sum: 0, accepted: 0 }));
  for (const row of rows) {
    if (row.origin !== 'model' || row.probability === null) continue;
    const bin = bins[Math.min(9, Math.floor(row.probability * 10))]!;
    bin.n++;
    bin.sum += row.probability;
    if (row.status === 'accepted') bin.accepted++;
  }
  return bins
    .filter((b) => b.n > 0)
    .map((b) => ({
      from: b.from,
      to: b.to,
      decided: b.n,
      meanPredicted: round(b.sum / b.n),
      acceptedRate: round(b.accepted / b.n),
    }));
}

/** Features of accepted model proposals seen at least `minDecisions` times for one prediction. */
function termsToAdd(rows: DecidedEvidence[], minDecisions: number) {
  const counts = new Map<string, number>();
  for (const row of rows) {
    if (row.origin !== 'model' || row.status !== 'accepted') continue;
    for (const feature of row.features)
      counts.set(`${row.trend}\u0000${feature}`, (counts.get(`${row.trend}\u0000${feature}`) ?? 0) + 1);
  }
  return [...counts]
    .filter(([, n]) => n >= minDecisions)
    .sort((a, b) => b[1] - a[1])
    .map(([key, acceptedProposals]) => {
      const [trend, text] = key.split('\u0000');
      return { trend, text, acceptedProposals };
    });
}

export function taggingQuality(rows: DecidedEvidence[], options: QualityOptions) {
  const terms = termTallies(rows).filter((t) => t.accepted + t.rejected >= options.minDecisions);
  return {
    decided: rows.length,
    byPredictionAndSource: perPredictionAndSource(rows),
    rejectionLeaders: [...terms]
      .filter((t) => t.rejected > 0)
      .sort((a, b) => b.rejected - a.rejected || a.precision - b.precision)
      .slice(0, 20),
    calibration: calibration(rows),
    suggestedRuleEdits: {
      termsToAdd: termsToAdd(rows, options.minDecisions).slice(0, 20),
      termsBelowPrecisionFloor: terms
        .filter((t) => t.kind === 'term' && t.precision < options.precisionFloor)
        .sort((a, b) => a.precision - b.precision),
    },
    options,
  };
}
