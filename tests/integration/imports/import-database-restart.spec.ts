import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedServer, startEmbeddedServer } from '../../support/embedded-server';
import { checkpointRow, importedContents, importExit, startImport, writeImportFile } from '../../support/import-cli';
import { sql } from '../../support/sql';
import { createTestDatabase, TestDatabase } from '../../support/test-database';

/**
 * PostgreSQL restarts while `npm run import` is between chunks. The import waits for the database,
 * picks up its own checkpoint and ends, in the same process, with the rows an uninterrupted import
 * of the same file leaves. The restarted server is an embedded one on its own port
 * (tests/support/embedded-server.ts); the reference import runs on the machine's cluster.
 */
const ROWS = 30_000;
const PG_PORT = 56500 + (process.pid % 400);
const DOWN_MS = 1500;

describe('a PostgreSQL restart in the middle of an import', () => {
  const dir = mkdtempSync(join(tmpdir(), 'import-restart-'));
  const file = join(dir, 'big.jsonl');
  const dataDir = join(dir, 'pg');
  let reference: Awaited<ReturnType<typeof importedContents>>;
  let whole: TestDatabase;
  let database: EmbeddedServer | undefined;

  beforeAll(async () => {
    chmodSync(dir, 0o755); // as root, the postgres OS user must reach the data directory
    writeImportFile(file, ROWS);
    whole = await createTestDatabase();
    const run = await importExit(startImport(whole.url, file));
    expect(run.code).toBe(0);
    reference = await importedContents(whole.url);
  }, 120_000);

  afterAll(async () => {
    await database?.stop();
    await whole?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('waits for the database, resumes from its checkpoint and ends with the same rows', async () => {
    database = await startEmbeddedServer(dataDir, PG_PORT);
    const child = startImport(database.url, file);
    const exited = importExit(child);
    let stoppedAt = 0;
    for (let i = 0; i < 2400 && stoppedAt === 0; i++) {
      stoppedAt = await checkpointRow(database.url);
      if (stoppedAt === 0) await new Promise((r) => setTimeout(r, 25));
    }
    expect(stoppedAt).toBeGreaterThan(0);
    expect(stoppedAt).toBeLessThan(ROWS);
    await database.stop();
    await new Promise((r) => setTimeout(r, DOWN_MS));
    database = await startEmbeddedServer(dataDir, PG_PORT);

    const run = await exited;
    expect(run.stderr).toMatch(/database connection lost; resuming import 1 from its checkpoint/);
    expect(run.code).toBe(0);
    const imports = await sql(database.url, `SELECT id, status, (counts->>'read')::int AS read FROM imports`);
    expect(imports).toEqual([{ id: 1, status: 'succeeded', read: ROWS }]);
    expect(await importedContents(database.url)).toEqual(reference);
  }, 180_000);
});
