import { SingleBar } from 'cli-progress';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { withAppContext } from '../app-context';
import { ImportError } from './import-errors';
import { ImportRunner } from './import-runner.service';
import type { ImportRecord } from './import.repository';
import type { RunOptions } from './import.service';

// V8 lets the heap grow up to 4x what the last full collection kept before collecting again; an
// import keeps ~70 MB live and passes chunks through old space fast, so its resident memory
// sawed between ~300 and ~500 MB. Twice what is live (V8 reads the flag at every collection)
// kept the 200,000-article bench import at 341 MB against 462-480, in the same time (README, Import).
setFlagsFromString('--heap-growing-percent=100');

const USAGE = 'usage: npm run import -- <path or URL> [--format jsonl|csv|feeds|paged] [--source NAME] [--since DATE]';

function parseCli(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { format: { type: 'string' }, source: { type: 'string' }, since: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new ImportError('usage', USAGE);
  const since = values.since
    ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(values.since) ? `${values.since}T00:00:00Z` : values.since)
    : null;
  if (since && Number.isNaN(since.getTime())) throw new ImportError('usage', `--since is not a date: ${values.since}`);
  return { location: positionals[0]!, format: values.format, source: values.source ?? null, since };
}

function progressBar(): SingleBar {
  return new SingleBar({
    format:
      'import |{bar}| {percentage}% | {read} rows | {rate} rows/s | ETA {eta_formatted} | stored {stored} merged {merged} refused {refused}',
    stream: process.stderr,
    hideCursor: true,
    etaBuffer: 50,
  });
}

/** Reads the file (or feed history) into DATABASE_URL or the embedded database; prints the summary as JSON. */
async function main(): Promise<void> {
  const request = parseCli(process.argv.slice(2));
  await withAppContext(async (app) => {
    const bar = progressBar();
    let started = false;
    const onProgress: RunOptions['onProgress'] = (counts, rates, record) => {
      const total = record.totalBytes ?? 0;
      const payload = {
        read: counts.read,
        rate: rates.rowsPerSecond,
        stored: counts.stored,
        merged: counts.merged,
        refused: counts.refused,
      };
      if (!started) bar.start(total || 1, 0, payload);
      started = true;
      bar.update(total ? counts.bytesDone : 0, payload);
    };
    const onResume: RunOptions['onResume'] = (record) =>
      console.error(`\ndatabase connection lost; resuming import ${record.id} from its checkpoint`);
    const run = await app.get(ImportRunner).run(request, { onProgress, onResume });
    if (run.resumed) console.error(`resuming import ${run.record.id} from its checkpoint`);
    const ended: ImportRecord = await run.done;
    if (started) bar.stop();
    printSummary(ended);
    process.exitCode = ended.status === 'succeeded' ? 0 : 1;
  });
}

function printSummary(record: ImportRecord): void {
  const refusals = record.refusals.slice(0, 20);
  for (const r of refusals) console.error(`refused row ${r.row}, ${r.field}: ${r.message}`);
  if (record.refusals.length > refusals.length) console.error(`... and more: GET /api/admin/imports/${record.id}`);
  console.log(JSON.stringify({ import: record.id, status: record.status, ...record.counts, error: record.error }));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(error instanceof ImportError && error.code === 'usage' ? 2 : 1);
});
