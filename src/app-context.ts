import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { parseEnv } from './config/env';
import { onShutdownSignal } from './common/shutdown-signals';
import { resolveDatabase } from './database/database-bootstrap';
import { migrate } from './database/migrator';
import { TrendSeeder } from './trends/trend-seeder';

/**
 * For command-line tools: the application without HTTP or schedules, on DATABASE_URL (or the
 * embedded database), migrated and seeded; closed and the database stopped when `fn` is done.
 */
export async function withAppContext<T>(fn: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  const parsed = parseEnv();
  // A one-off command serves no metrics: its listener would take the running service's port.
  const env = { ...parsed, schedulerEnabled: false, metrics: { ...parsed.metrics, port: null } };
  const database = await resolveDatabase(env, (m) => console.error(m));
  try {
    await migrate(database.url);
    const app = await NestFactory.createApplicationContext(AppModule.forRoot(env, database.url), {
      logger: ['error', 'warn'],
    });
    // A signal closes the app at once: a running job stops between items and records that, then
    // `fn` returns and the database is stopped below.
    let closing: Promise<void> | undefined;
    const close = () => (closing ??= app.close());
    const stopListening = onShutdownSignal(() => void close());
    try {
      await app.get(TrendSeeder).seed();
      return await fn(app);
    } finally {
      stopListening();
      await close();
    }
  } finally {
    await database.stop();
  }
}
