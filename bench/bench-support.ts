/**
 * What the benchmarks share: the environment their app runs with, the helper child processes
 * (feed servers, load clients) and the script entry that prints the figures.
 */
import { ChildProcess, fork } from 'node:child_process';
import { AppEnv, parseEnv } from '../src/config/env';

/**
 * A quiet app on `databaseUrl` that fetches from loopback (every bench feed server is on
 * 127.0.0.1) and does nothing on its own (no scheduler, no shipped feeds), so only the measured
 * work runs. `overrides` are more variables, as strings like the real environment's.
 */
export function benchEnv(databaseUrl: string, overrides: Record<string, string | undefined> = {}): AppEnv {
  return parseEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    FEED_ALLOW_PRIVATE_NETWORKS: 'true',
    SCHEDULER_ENABLED: 'false',
    LOAD_DEFAULT_FEEDS: 'false',
    ...overrides,
    DATABASE_URL: databaseUrl,
  });
}

/**
 * Starts `file` again as a child (TypeScript through ts-node) with `args`, and resolves once it
 * sends its first message (a server's port, a client's figures). A child that dies first rejects.
 * A separate process, so the server or client does not share the measured process's event loop.
 */
export function forkChild<T>(file: string, args: string[]): Promise<{ child: ChildProcess; message: T }> {
  const child = fork(file, args, { execArgv: ['-r', 'ts-node/register/transpile-only'], stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.once('message', (message) => resolve({ child, message: message as T }));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${file} ${args.join(' ')}: child exited with ${code}`)));
  });
}

/**
 * A bench run as a script: each figure (or each of a list) as one JSON line on stdout. It exits
 * explicitly, 1 on failure: a handle a bench leaves open (a pool, a child's pipe) must not keep it
 * running after its figures are out. (npm run bench imports `run()` instead, bench/run-all.ts.)
 */
export function printFiguresOf(run: () => Promise<object | object[]>): void {
  run()
    .then((figures) => {
      for (const f of Array.isArray(figures) ? figures : [figures]) console.log(JSON.stringify(f));
      process.exit(0);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
