import type { NormalisedItem } from '../articles/article-normaliser';
import type { RowOutcome, RowRefusal } from './article-row';

/**
 * Where an import stands, committed with every chunk: a JSON Lines file by byte offset, a CSV by
 * record, an archive by entry, a feed's history by the next page to fetch (and the pages seen,
 * so a loop in the archive links is noticed across a resume too).
 */
export interface Checkpoint {
  offset?: number;
  row?: number;
  entry?: number;
  nextUrl?: string | null;
  page?: number;
  visited?: string[];
}

/** A unit of work stored in one go, then checkpointed: items grouped by the source they name. */
export interface ImportChunk {
  groups: Map<string, NormalisedItem[]>;
  refusals: RowRefusal[];
  read: number;
  beforeSince: number;
  checkpoint: Checkpoint;
  /** Bytes of the input consumed so far, for progress (undefined when the size is unknown). */
  bytesDone?: number;
}

export type ChunkReader = (from: Checkpoint, signal?: AbortSignal) => AsyncGenerator<ImportChunk>;

/** Rows per chunk: large enough that a checkpoint costs little, small enough to hold in memory. */
export const CHUNK_ROWS = 5000;

export function emptyChunk(): ImportChunk {
  return { groups: new Map(), refusals: [], read: 0, beforeSince: 0, checkpoint: {} };
}

/** Adds one row's outcome to the chunk being built. */
export function addOutcome(chunk: ImportChunk, outcome: RowOutcome): void {
  chunk.read += 1;
  if (outcome.kind === 'refused') chunk.refusals.push(outcome.refusal);
  else if (outcome.kind === 'before-since') chunk.beforeSince += 1;
  else addItems(chunk, outcome.source, [outcome.item]);
}

export function addItems(chunk: ImportChunk, source: string, items: NormalisedItem[]): void {
  const group = chunk.groups.get(source);
  if (group) group.push(...items);
  else chunk.groups.set(source, [...items]);
}

/** The oldest publication date among the chunk's items: how far back the import reaches so far. */
export function oldestPublishedIn(chunk: ImportChunk): Date | null {
  let oldest: number | null = null;
  for (const items of chunk.groups.values()) {
    for (const item of items) {
      const at = item.publishedAt.getTime();
      if (oldest === null || at < oldest) oldest = at;
    }
  }
  return oldest === null ? null : new Date(oldest);
}
