import 'reflect-metadata';
import { createApp } from './create-app';
import { EnvError, parseEnv } from './config/env';
import { onShutdownSignal } from './common/shutdown-signals';
import { resolveDatabase } from './database/database-bootstrap';
import { DataDirLockedError } from './database/data-dir-lock';

/**
 * `npm start`: parse the environment, bring up the database (embedded unless DATABASE_URL is
 * set), migrate, seed, listen. SIGINT/SIGTERM/SIGHUP close the app and then stop the embedded server.
 */
async function main(): Promise<void> {
  const env = parseEnv();
  const log = (message: string) =>
    process.stderr.write(`${JSON.stringify({ level: 30, time: Date.now(), msg: message })}\n`);
  const database = await resolveDatabase(env, log, (m) => env.logLevel === 'debug' && log(m));
  if (database.embedded) log(`embedded PostgreSQL ready (data in ${env.dataDir})`);
  const app = await createApp(env, database.url).catch(async (error) => {
    await database.stop();
    throw error;
  });
  const stop = async (signal: string) => {
    log(`received ${signal}, shutting down`);
    let exitCode = 0;
    try {
      await app.close();
    } catch (error) {
      log(`closing the app failed: ${error instanceof Error ? error.stack : String(error)}`);
      exitCode = 1;
    } finally {
      // Even when closing failed: the embedded server must not outlive the service.
      await database.stop().catch((error) => log(`stopping the database failed: ${error}`));
    }
    process.exit(exitCode);
  };
  // A stray rejection is a bug to log, not a reason to take the service (and its jobs) down.
  process.on('unhandledRejection', (reason) =>
    log(`unhandled rejection: ${reason instanceof Error ? reason.stack : String(reason)}`),
  );
  onShutdownSignal((signal) => void stop(signal));
  await app.listen(env.port, env.host).catch(async (error) => {
    // The port is taken (or the host unknown): the embedded server must not outlive this failed start.
    await app.close().catch(() => undefined);
    await database.stop();
    throw error;
  });
  log(`listening on http://${env.host}:${env.port}`);
}

main().catch((error) => {
  const message =
    error instanceof EnvError
      ? `configuration error: ${error.message}`
      : error instanceof DataDirLockedError
        ? `not started: ${error.message}`
        : ((error as Error)?.stack ?? String(error));
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
