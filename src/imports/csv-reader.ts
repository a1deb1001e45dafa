import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { articleFromRecord } from './article-row';
import { addOutcome, CHUNK_ROWS, ChunkReader, emptyChunk, ImportChunk } from './import-chunk';
import type { ReaderOptions } from './reader-options';

/**
 * CSV with a header row; columns are mapped to article fields by name (article-row.ts SYNONYMS).
 * Records are read as arrays with a relaxed column count, so a row with too few or too many
 * fields is refused with its number here instead of csv-parse failing the rest of the file.
 * A resume parses again from the top and skips the records already done: CSV records may span
 * lines, so a byte offset cannot be trusted without the parser's state.
 */
export function csvReader(path: string, options: ReaderOptions): ChunkReader {
  return async function* (from, signal) {
    const parser = createReadStream(path, { signal }).pipe(
      parse({ bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, trim: true }),
    );
    const done = from.row ?? 0;
    let header: string[] | undefined;
    let row = 0;
    let chunk: ImportChunk = emptyChunk();
    for await (const fields of parser as AsyncIterable<string[]>) {
      if (!header) {
        header = fields;
        continue;
      }
      row += 1;
      if (row <= done) continue;
      chunk.checkpoint = { row };
      chunk.bytesDone = parser.info.bytes;
      if (fields.length !== header.length) {
        chunk.read += 1;
        chunk.refusals.push({
          row,
          field: '(row)',
          message: `has ${fields.length} fields where the header has ${header.length}`,
        });
      } else addOutcome(chunk, articleFromRecord(recordOf(header, fields), { ...options, row }));
      if (chunk.read >= CHUNK_ROWS) {
        yield chunk;
        chunk = emptyChunk();
      }
    }
    if (chunk.read > 0) yield chunk;
  };
}

function recordOf(header: string[], fields: string[]): Record<string, string> {
  const record: Record<string, string> = {};
  header.forEach((name, index) => (record[name] = fields[index] ?? ''));
  return record;
}
