import { parseEnv } from '../config/env';
import { resolveDatabase } from './database-bootstrap';

/** `npm run db:migrate`: apply pending migrations to DATABASE_URL (or the embedded database). */
async function main(): Promise<void> {
  const env = parseEnv();
  const db = await resolveDatabase(env, (m) => console.error(m));
  try {
    const { migrate } = await import('./migrator');
    const result = await migrate(db.url, (m) => console.log(m));
    console.log(`migrations: ${result.applied.length} applied, ${result.alreadyApplied} already applied`);
  } finally {
    await db.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
