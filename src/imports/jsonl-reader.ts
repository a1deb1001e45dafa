import { createReadStream } from 'node:fs';
import { articleFromRecord } from './article-row';
import { addOutcome, CHUNK_ROWS, ChunkReader, emptyChunk, ImportChunk } from './import-chunk';
import type { ReaderOptions } from './reader-options';

interface Line {
  text: string;
  /** Byte offset just after this line's newline: where a resume starts reading. */
  end: number;
}

/**
 * Lines of a file from a byte offset, split on raw bytes (so offsets stay exact whatever the
 * encoding) and streamed: memory holds one read buffer and one partial line, never the file.
 */
async function* linesFrom(path: string, start: number, signal?: AbortSignal): AsyncGenerator<Line> {
  let carry: Buffer = Buffer.alloc(0);
  let position = start;
  for await (const data of createReadStream(path, { start, highWaterMark: 1 << 20, signal })) {
    const buffer = carry.length ? Buffer.concat([carry, data as Buffer]) : (data as Buffer);
    let from = 0;
    for (let nl = buffer.indexOf(10, from); nl !== -1; nl = buffer.indexOf(10, from)) {
      position += nl + 1 - from;
      yield { text: buffer.toString('utf8', from, nl), end: position };
      from = nl + 1;
    }
    carry = buffer.subarray(from);
  }
  if (carry.length) yield { text: carry.toString('utf8'), end: position + carry.length };
}

function parseLine(text: string): Record<string, unknown> | string {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : 'not a JSON object';
  } catch (error) {
    return `not valid JSON (${(error as Error).message.slice(0, 120)})`;
  }
}

/** JSON Lines / NDJSON: one article object per line; blank lines are skipped, a bad line refused. */
export function jsonLinesReader(path: string, options: ReaderOptions): ChunkReader {
  return async function* (from, signal) {
    let row = from.row ?? 0;
    let chunk: ImportChunk = emptyChunk();
    for await (const line of linesFrom(path, from.offset ?? 0, signal)) {
      row += 1;
      chunk.checkpoint = { offset: line.end, row };
      chunk.bytesDone = line.end;
      if (!line.text.trim()) continue;
      const record = parseLine(line.text);
      if (typeof record === 'string') {
        chunk.read += 1;
        chunk.refusals.push({ row, field: '(line)', message: record });
      } else addOutcome(chunk, articleFromRecord(record, { ...options, row }));
      if (chunk.read >= CHUNK_ROWS) {
        yield chunk;
        chunk = emptyChunk();
      }
    }
    if (chunk.read > 0 || chunk.checkpoint.offset !== undefined) yield chunk;
  };
}
