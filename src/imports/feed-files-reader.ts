import { decodeFeedBytes } from '../feeds/charset';
import { FeedParseError } from '../feeds/feed-errors';
import { parseAndNormalise } from '../feeds/feed-preparation';
import { archiveEntries, ArchiveKind } from './archive-entries';
import { addItems, ChunkReader, emptyChunk, ImportChunk } from './import-chunk';
import type { ReaderOptions } from './reader-options';

/** Relative links in a saved file have nothing to resolve against: they are dropped, not guessed. */
const NO_BASE_URL = 'about:blank';

/**
 * A directory or archive of saved feed documents (RSS, Atom, RDF, JSON Feed). Each file is decoded
 * and parsed by the same code as a polled feed (charset.ts, feed-preparation.ts); its source is
 * --source, else the feed's title, else the file's name. One chunk per file; the checkpoint is the
 * number of entries done. A file that is not a feed is refused by name; the rest go on.
 */
export function feedFilesReader(
  path: string,
  kind: ArchiveKind,
  options: ReaderOptions & { maxBytes: number },
): ChunkReader {
  return async function* (from, signal) {
    let entry = 0;
    for await (const file of archiveEntries(path, kind, options.maxBytes)) {
      entry += 1;
      if (entry <= (from.entry ?? 0)) continue;
      signal?.throwIfAborted();
      yield chunkForFile(file.name, file.bytes, entry, options);
    }
  };
}

function chunkForFile(
  name: string,
  bytes: Buffer | null,
  entry: number,
  options: ReaderOptions & { maxBytes: number },
) {
  const chunk: ImportChunk = { ...emptyChunk(), checkpoint: { entry } };
  if (bytes === null) {
    chunk.read = 1;
    chunk.refusals.push({ row: entry, field: name, message: `larger than ${options.maxBytes} bytes` });
    return chunk;
  }
  try {
    const { parsed, items } = parseAndNormalise({
      text: decodeFeedBytes(bytes).text,
      feedLanguage: null,
      baseUrl: NO_BASE_URL,
      fetchedAt: options.now,
    });
    const kept = items.filter((i) => !options.since || i.publishedAt >= options.since);
    chunk.read = items.length;
    chunk.beforeSince = items.length - kept.length;
    addItems(chunk, options.defaultSource ?? parsed.title ?? name, kept);
  } catch (error) {
    if (!(error instanceof FeedParseError)) throw error;
    chunk.read = 1;
    chunk.refusals.push({ row: entry, field: name, message: `${error.code}: ${error.message}` });
  }
  return chunk;
}
