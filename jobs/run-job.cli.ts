import { withAppContext } from '../src/app-context';
import { JobRunner } from './job-runner.service';

/** `npm run job -- <name>`: runs one job once against DATABASE_URL (or the embedded database). */
async function main(): Promise<void> {
  const name = process.argv[2];
  await withAppContext(async (app) => {
    const runner = app.get(JobRunner);
    if (!name || !runner.names().includes(name)) {
      throw new Error(`usage: npm run job -- <${runner.names().join('|')}>`);
    }
    const { run, summary } = await runner.runNow(name, 'cli');
    console.log(JSON.stringify({ job: name, status: run.status, summary, error: run.error }));
    process.exitCode = run.status === 'succeeded' ? 0 : 1;
  });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
