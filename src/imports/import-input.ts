import { promises as fs } from 'node:fs';
import { archiveKindOf } from './archive-entries';
import { ImportError } from './import-errors';
import type { ImportFormat } from './import.repository';

export const IMPORT_FORMATS: readonly ImportFormat[] = ['jsonl', 'csv', 'feeds', 'paged'];

export interface ResolvedInput {
  format: ImportFormat;
  location: string;
  totalBytes: number | null;
}

function isHttpUrl(location: string): boolean {
  return /^https?:\/\//i.test(location);
}

/** The format of an input: as asked, else from the URL or the file's name (a directory or archive is feeds). */
export async function resolveInput(location: string, format: string | undefined): Promise<ResolvedInput> {
  if (format !== undefined && !IMPORT_FORMATS.includes(format as ImportFormat))
    throw new ImportError('invalid_format', `format must be one of ${IMPORT_FORMATS.join(', ')}, not "${format}"`);
  if (isHttpUrl(location)) {
    if (format !== undefined && format !== 'paged')
      throw new ImportError('invalid_format', 'a URL is imported as a feed history (format "paged")');
    return { format: 'paged', location, totalBytes: null };
  }
  const stat = await fs.stat(location).catch(() => null);
  if (!stat) throw new ImportError('import_input_not_found', `no file or directory at ${location}`);
  const archive = await archiveKindOf(location);
  const guessed: ImportFormat | undefined = archive
    ? 'feeds'
    : /\.csv$/i.test(location)
      ? 'csv'
      : /\.(jsonl|ndjson|json)$/i.test(location)
        ? 'jsonl'
        : undefined;
  const chosen = (format as ImportFormat | undefined) ?? guessed;
  if (!chosen) throw new ImportError('invalid_format', `cannot tell the format of ${location}: pass --format`);
  if (chosen === 'paged') throw new ImportError('invalid_format', 'format "paged" needs a feed URL');
  if (chosen === 'feeds' && !archive)
    throw new ImportError('invalid_format', 'format "feeds" needs a directory, .tar.gz, .tar or .zip');
  return { format: chosen, location, totalBytes: stat.isFile() ? stat.size : null };
}
