import type { Readable } from 'node:stream';
import * as zlib from 'node:zlib';
import { FeedError } from './feed-errors';

/**
 * A streaming decompressor for the Content-Encoding, or undefined for identity. Streams (not the
 * *Sync helpers) so that reading stops at the cap: a gzip bomb is never inflated past maxBytes.
 */
function createDecompressor(
  contentEncoding: string | undefined,
): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | undefined {
  const encoding = (contentEncoding ?? 'identity').trim().toLowerCase();
  switch (encoding) {
    case '':
    case 'identity':
      return undefined;
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      // createUnzip would also accept gzip; deflate is zlib-wrapped by RFC 9110.
      return zlib.createInflate();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      throw new FeedError('decompression-failed', `Unsupported Content-Encoding: ${encoding}`);
  }
}

function isDecompressionError(error: unknown): boolean {
  const code = String((error as NodeJS.ErrnoException)?.code ?? '');
  return (
    code.startsWith('Z_') ||
    code.startsWith('ERR_BROTLI') ||
    code.startsWith('ERR__ZLIB') ||
    code === 'ERR_ZLIB_INITIALIZATION_FAILED'
  );
}

function tooLarge(maxBytes: number): FeedError {
  return new FeedError('too-large', `The feed is larger than ${maxBytes} bytes once decompressed`);
}

/** Reads the whole body, decompressed, refusing (and tearing down) anything past maxBytes. */
export async function readCappedBody(
  response: Readable,
  contentEncoding: string | undefined,
  maxBytes: number,
): Promise<Buffer> {
  const decompressor = createDecompressor(contentEncoding);
  const source = decompressor ? response.pipe(decompressor) : response;
  // pipe() does not forward errors; a socket torn down mid-body must still end the read.
  if (decompressor) response.once('error', (error) => decompressor.destroy(error));
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of source) {
      total += (chunk as Buffer).length;
      if (total > maxBytes) throw tooLarge(maxBytes);
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if (isDecompressionError(error))
      throw new FeedError(
        'decompression-failed',
        `Cannot decompress the ${contentEncoding} body: ${(error as Error).message}`,
      );
    throw error;
  } finally {
    response.destroy();
    decompressor?.destroy();
  }
  return Buffer.concat(chunks, total);
}

/** Content-Length already over the cap (only meaningful for identity bodies): refuse before reading. */
export function declaredLengthExceeds(
  contentLength: string | undefined,
  contentEncoding: string | undefined,
  maxBytes: number,
): boolean {
  const identity = !contentEncoding || contentEncoding.trim().toLowerCase() === 'identity';
  return identity && contentLength !== undefined && Number(contentLength) > maxBytes;
}

export { tooLarge as tooLargeError };
