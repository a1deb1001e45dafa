import { ChildProcess, spawn } from 'node:child_process';
import { createServer, Server, Socket } from 'node:net';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../src/common/project-root';

/**
 * Starts the real service as `npm start` does (a separate process, embedded PostgreSQL, no
 * DATABASE_URL) twice on one data folder, the first time ended by SIGKILL: the second start
 * must recover the orphaned server and must not seed twice.
 */
const root = projectRoot();
const PORT = 39170 + (process.pid % 500);
const PG_PORT = 55170 + (process.pid % 500);

function startService(dataDir: string, port = PORT): { child: ChildProcess; output: () => string } {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(PG_PORT),
  };
  delete env.DATABASE_URL;
  Object.assign(env, { LOAD_DEFAULT_FEEDS: 'false', SCHEDULER_ENABLED: 'false', LOG_LEVEL: 'warn' });
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], { cwd: root, env });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  return { child, output: () => output };
}

async function waitReady(output: () => string): Promise<void> {
  const deadline = Date.now() + 60000;
  while (Date.now() < deadline) {
    const ok = await fetch(`http://127.0.0.1:${PORT}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`service not ready within 60 s:\n${output()}`);
}

/** The exit code, or 'running' when the process has not exited within `ms` (then it is killed). */
async function exitedWithin(child: ChildProcess, ms: number): Promise<number | null | 'running'> {
  const timer = new Promise<'running'>((resolve) => setTimeout(() => resolve('running'), ms).unref());
  const outcome = await Promise.race([exited(child), timer]);
  if (outcome === 'running') {
    child.kill('SIGKILL');
    await exited(child);
  }
  return outcome;
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) =>
    child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code)),
  );
}

describe('npm start on the embedded database', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'scorecard-start-'));
    chmodSync(dataDir, 0o755); // as root, the postgres OS user must be able to reach it
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves the ten predictions, survives SIGKILL, and seeds only once', async () => {
    const first = startService(dataDir);
    await waitReady(first.output);
    const before = (await (await fetch(`http://127.0.0.1:${PORT}/api/trends`)).json()) as { data: unknown[] };
    expect(before.data).toHaveLength(10);
    first.child.kill('SIGKILL');
    await exited(first.child);

    const second = startService(dataDir);
    await waitReady(second.output);
    const after = (await (await fetch(`http://127.0.0.1:${PORT}/api/trends`)).json()) as { data: unknown[] };
    expect(after.data).toEqual(before.data);
    expect(second.output()).toMatch(/orphaned PostgreSQL|stale postmaster.pid/);

    second.child.kill('SIGTERM');
    expect(await exited(second.child)).toBe(0);
    // The app closes before the database stops: no connection of its pool is cut from under it,
    // and the server is stopped cleanly (no postmaster.pid left for the next start to clear).
    expect(second.output()).not.toMatch(/connection lost|terminating connection/);
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
  }, 150000);

  it('refuses a second start on the same data folder, naming the running instance, and leaves it serving', async () => {
    const first = startService(dataDir);
    try {
      await waitReady(first.output);
      const second = startService(dataDir, PORT + 1);
      expect(await exitedWithin(second.child, 30000)).toBe(1);
      expect(second.output()).toContain(`pid ${first.child.pid}`);
      expect(second.output()).toContain(`DATA_DIR=${dataDir}`);
      expect(second.output()).not.toMatch(/orphaned PostgreSQL|stale postmaster.pid/);
      // The first instance still has its own database: it answers from it, now and a little later.
      await new Promise((r) => setTimeout(r, 1000));
      const res = await fetch(`http://127.0.0.1:${PORT}/api/trends`);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { data: unknown[] }).data).toHaveLength(10);
      expect((await fetch(`http://127.0.0.1:${PORT}/health/ready`)).status).toBe(200);
    } finally {
      first.child.kill('SIGTERM');
      expect(await exitedWithin(first.child, 30000)).toBe(0);
    }
    expect(existsSync(join(dataDir, 'instance.lock'))).toBe(false);
  }, 150000);

  it('stops the embedded PostgreSQL when the start fails after it (HTTP port taken)', async () => {
    const blocker = await listenOn(PORT);
    try {
      const service = startService(dataDir);
      expect(await exitedWithin(service.child, 60000)).toBe(1);
      expect(service.output()).toMatch(/EADDRINUSE/);
    } finally {
      await new Promise((r) => blocker.close(r));
    }
    expect(await portOpen(PG_PORT)).toBe(false);
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
    expect(existsSync(join(dataDir, 'instance.lock'))).toBe(false);
  }, 150000);
});

function listenOn(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '0.0.0.0', () => resolve(server));
  });
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.once('error', () => done(false));
    socket.connect(port, '127.0.0.1', () => done(true));
  });
}
