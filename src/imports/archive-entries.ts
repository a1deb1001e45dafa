import { createReadStream, promises as fs } from 'node:fs';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import * as tar from 'tar-stream';
import * as yauzl from 'yauzl';

/** One file of a directory or archive, read whole (a saved feed is small; the cap keeps it so). */
export interface ArchiveEntry {
  name: string;
  /** null: the file is larger than the cap (read through and dropped, so the archive goes on). */
  bytes: Buffer | null;
}

export type ArchiveKind = 'directory' | 'tar.gz' | 'tar' | 'zip';

export async function archiveKindOf(path: string): Promise<ArchiveKind | undefined> {
  const stat = await fs.stat(path);
  if (stat.isDirectory()) return 'directory';
  if (/\.(tar\.gz|tgz)$/i.test(path)) return 'tar.gz';
  if (/\.tar$/i.test(path)) return 'tar';
  if (/\.zip$/i.test(path)) return 'zip';
  return undefined;
}

/** Entries in a stable order (directories sorted; archives in their own order), files only. */
export function archiveEntries(path: string, kind: ArchiveKind, maxBytes: number): AsyncGenerator<ArchiveEntry> {
  if (kind === 'directory') return directoryEntries(path, path, maxBytes);
  if (kind === 'zip') return zipEntries(path, maxBytes);
  return tarEntries(path, kind === 'tar.gz', maxBytes);
}

async function* directoryEntries(root: string, dir: string, maxBytes: number): AsyncGenerator<ArchiveEntry> {
  const names = (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of names) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yield* directoryEntries(root, full, maxBytes);
    else if (entry.isFile())
      yield { name: relative(root, full), bytes: await readCapped(createReadStream(full), maxBytes) };
  }
}

async function* tarEntries(path: string, gzipped: boolean, maxBytes: number): AsyncGenerator<ArchiveEntry> {
  const extract = tar.extract();
  const input = createReadStream(path);
  (gzipped ? input.pipe(createGunzip()) : input).pipe(extract);
  for await (const entry of extract) {
    if (entry.header.type !== 'file') {
      entry.resume();
      continue;
    }
    yield { name: entry.header.name, bytes: await readCapped(entry, maxBytes) };
  }
}

async function* zipEntries(path: string, maxBytes: number): AsyncGenerator<ArchiveEntry> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: true }, (err, z) => (err ? reject(err) : resolve(z))),
  );
  try {
    for (let entry = await nextZipEntry(zip); entry; entry = await nextZipEntry(zip)) {
      if (entry.fileName.endsWith('/')) continue;
      const stream = await new Promise<Readable>((resolve, reject) =>
        zip.openReadStream(entry, (err, s) => (err ? reject(err) : resolve(s))),
      );
      yield { name: entry.fileName, bytes: await readCapped(stream, maxBytes) };
    }
  } finally {
    zip.close();
  }
}

function nextZipEntry(zip: yauzl.ZipFile): Promise<yauzl.Entry | null> {
  return new Promise((resolve, reject) => {
    const cleanup = () => zip.removeAllListeners('entry').removeAllListeners('end').removeAllListeners('error');
    zip.once('entry', (e: yauzl.Entry) => (cleanup(), resolve(e)));
    zip.once('end', () => (cleanup(), resolve(null)));
    zip.once('error', (e: Error) => (cleanup(), reject(e)));
    zip.readEntry();
  });
}

async function readCapped(stream: AsyncIterable<unknown>, maxBytes: number): Promise<Buffer | null> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const part of stream) {
    size += (part as Buffer).length;
    if (size <= maxBytes) parts.push(part as Buffer);
  }
  return size > maxBytes ? null : Buffer.concat(parts);
}
