import { parseEnv } from '../config/env';
import { startEmbeddedDatabase } from './embedded-database';

/** Runs only the embedded PostgreSQL until SIGINT/SIGTERM (tests without a local server use it). */
async function main(): Promise<void> {
  const env = parseEnv();
  const db = await startEmbeddedDatabase({ dataDir: env.dataDir, port: env.embeddedPgPort, log: () => undefined });
  console.log(`ready ${db.url}`);
  const stop = () => void db.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
