import { AppEnv } from '../config/env';
import { startEmbeddedDatabase } from './embedded-database';

export interface ResolvedDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** DATABASE_URL when given (start nothing), else the embedded server under DATA_DIR. */
export async function resolveDatabase(
  env: AppEnv,
  log: (m: string) => void,
  debug?: (m: string) => void,
): Promise<ResolvedDatabase> {
  if (env.databaseUrl) {
    return { url: env.databaseUrl, embedded: false, stop: () => Promise.resolve() };
  }
  const embedded = await startEmbeddedDatabase({ dataDir: env.dataDir, port: env.embeddedPgPort, log, debug });
  return { url: embedded.url, embedded: true, stop: embedded.stop };
}
