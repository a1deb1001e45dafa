import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkpointRow, importedContents, importExit, startImport, writeImportFile } from '../../support/import-cli';
import { sql } from '../../support/sql';
import { createTestDatabase, TestDatabase } from '../../support/test-database';

/**
 * `npm run import` in a child process, killed mid-import (SIGKILL: no chance to record anything;
 * SIGINT: it stops between chunks), then started again with the same arguments: it resumes from
 * its checkpoint and ends with exactly the rows of an uninterrupted import of the same file.
 */
const ROWS = 30_000;
const file = join(mkdtempSync(join(tmpdir(), 'import-resume-')), 'big.jsonl');

/** Waits until the import has committed at least one chunk but not the last, then sends `signal`. */
async function interrupt(db: TestDatabase, signal: NodeJS.Signals): Promise<number> {
  const child = startImport(db.url, file);
  const exited = importExit(child);
  for (let i = 0; i < 1200; i++) {
    const row = await checkpointRow(db.url);
    if (row > 0) {
      if (row >= ROWS) throw new Error('the import finished before it could be interrupted');
      child.kill(signal);
      await exited;
      return row;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  child.kill('SIGKILL');
  throw new Error('no checkpoint within 30 s');
}

describe('an interrupted import', () => {
  const dbs: TestDatabase[] = [];
  let reference: Awaited<ReturnType<typeof importedContents>>;
  let referenceEvidence: number;

  beforeAll(async () => {
    writeImportFile(file, ROWS);
    const whole = await createTestDatabase();
    dbs.push(whole);
    const run = await importExit(startImport(whole.url, file));
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout.trim().split('\n').at(-1)!);
    expect(summary).toMatchObject({ status: 'succeeded', read: ROWS });
    referenceEvidence = summary.evidence;
    expect(referenceEvidence).toBeGreaterThanOrEqual(ROWS / 10);
    reference = await importedContents(whole.url);
  }, 120_000);
  afterAll(() => Promise.all(dbs.map((db) => db.drop())));

  it.each([['SIGKILL'], ['SIGINT']] as const)(
    'killed with %s, resumes from its checkpoint and ends with the same rows as an uninterrupted one',
    async (signal) => {
      const db = await createTestDatabase();
      dbs.push(db);
      const stoppedAt = await interrupt(db, signal);
      const [stopped] = await sql(db.url, `SELECT status, (checkpoint->>'row')::int AS row FROM imports`);
      // SIGKILL leaves the row 'running' (nothing could record the end); SIGINT records it.
      expect(stopped.status).toBe(signal === 'SIGKILL' ? 'running' : 'interrupted');
      expect(stopped.row).toBeGreaterThanOrEqual(stoppedAt);
      expect((await sql(db.url, 'SELECT count(*)::int n FROM articles'))[0].n).toBeLessThan(reference.articles.length);

      const resumed = await importExit(startImport(db.url, file));
      expect(resumed.code).toBe(0);
      expect(resumed.stderr).toMatch(/resuming import 1 from its checkpoint/);
      const imports = await sql(
        db.url,
        `SELECT id, status, (counts->>'read')::int AS read, (counts->>'evidence')::int AS evidence FROM imports`,
      );
      expect(imports).toEqual([{ id: 1, status: 'succeeded', read: ROWS, evidence: expect.any(Number) }]);
      // Stopped between chunks, the evidence found is counted once, as in one run: a chunk is
      // tagged while the next is stored, and what that tagging found is saved when the run stops.
      // (A SIGKILL can lose the count of the chunk being tagged, never its evidence rows.)
      if (signal === 'SIGINT') expect(imports[0].evidence).toBe(referenceEvidence);
      expect(reference.articles.length).toBe(ROWS - ROWS / 20);
      expect(await importedContents(db.url)).toEqual(reference);
    },
    120_000,
  );
});
