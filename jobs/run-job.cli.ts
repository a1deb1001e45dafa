import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../src/app.module';
import { parseEnv } from '../src/config/env';
import { resolveDatabase } from '../src/database/database-bootstrap';
import { migrate } from '../src/database/migrator';
import { TrendSeeder } from '../src/trends/trend-seeder';
import { JobRunner } from './job-runner.service';

/** `npm run job -- <name>`: runs one job once against DATABASE_URL (or the embedded database). */
async function main(): Promise<void> {
  const name = process.argv[2];
  const env = { ...parseEnv(), schedulerEnabled: false };
  const database = await resolveDatabase(env, (m) => console.error(m));
  try {
    await migrate(database.url);
    const app = await NestFactory.createApplicationContext(AppModule.forRoot(env, database.url), { logger: ['error', 'warn'] });
    try {
      await app.get(TrendSeeder).seed();
      const runner = app.get(JobRunner);
      if (!name || !runner.names().includes(name)) {
        throw new Error(`usage: npm run job -- <${runner.names().join('|')}>`);
      }
      const { run, summary } = await runner.runNow(name, 'cli');
      console.log(JSON.stringify({ job: name, status: run.status, summary, error: run.error }));
      process.exitCode = run.status === 'succeeded' ? 0 : 1;
    } finally {
      await app.close();
    }
  } finally {
    await database.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
