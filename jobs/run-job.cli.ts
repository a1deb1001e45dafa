import { withAppContext } from '../src/app-context';
import { JobRunner } from './job-runner.service';
import type { JobParams } from './job.types';

/**
 * `npm run job -- <name> [--key value ...]`: runs one job once against DATABASE_URL (or the
 * embedded database), e.g. `npm run job -- build-digest --period week --from 2024-07-01`.
 */
async function main(): Promise<void> {
  const [name, ...rest] = process.argv.slice(2);
  const params = cliParams(rest);
  await withAppContext(async (app) => {
    const runner = app.get(JobRunner);
    if (!name || !runner.names().includes(name)) {
      throw new Error(`usage: npm run job -- <${runner.names().join('|')}> [--key value ...]`);
    }
    const { run, summary } = await runner.runNow(name, 'cli', params);
    console.log(JSON.stringify({ job: name, status: run.status, summary, error: run.error }));
    process.exitCode = run.status === 'succeeded' ? 0 : 1;
  });
}

/** `--key value` pairs; which keys a job takes is the job's to check. */
function cliParams(args: string[]): JobParams {
  const params: JobParams = {};
  for (let i = 0; i < args.length; i += 2) {
    const key = /^--([a-z][\w-]*)$/i.exec(args[i]!)?.[1];
    const value = args[i + 1];
    if (!key || value === undefined) throw new Error(`expected --key value pairs, got "${args.slice(i).join(' ')}"`);
    params[key] = value;
  }
  return params;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
