import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../../src/common/project-root';
import { sql } from '../../support/sql';
import { createTestDatabase, TestDatabase } from '../../support/test-database';

const TRIGGERS_FILE = join(projectRoot(), 'prisma', 'sql', 'triggers.sql');

const HEADER = `-- The functions and triggers a fully migrated database has, as PostgreSQL prints them
-- (pg_get_functiondef, pg_get_triggerdef). Migrations define and redefine them over time; this is
-- the current logic in one place. NOT applied by anything: change them with a new migration, then
-- regenerate this file with
--   WRITE_TRIGGERS_SQL=1 npx jest tests/integration/database/triggers-file.spec.ts
-- (tests/integration/database/triggers-file.spec.ts fails while the two differ).
`;

/** Every function and user trigger of the public schema, in name order. */
async function liveDefinitions(url: string): Promise<string> {
  const functions = await sql<{ def: string }>(
    url,
    `SELECT pg_get_functiondef(p.oid) AS def FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE n.nspname = 'public' ORDER BY p.proname, pg_get_function_identity_arguments(p.oid)`,
  );
  const triggers = await sql<{ def: string }>(
    url,
    `SELECT pg_get_triggerdef(t.oid) AS def FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND NOT t.tgisinternal ORDER BY c.relname, t.tgname`,
  );
  const body = [...functions.map((f) => `${f.def.trimEnd()};`), ...triggers.map((t) => `${t.def};`)];
  return `${HEADER}\n${body.join('\n\n')}\n`;
}

describe('prisma/sql/triggers.sql', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('is exactly the functions and triggers of a migrated database', async () => {
    const live = await liveDefinitions(db.url);
    if (process.env.WRITE_TRIGGERS_SQL === '1') writeFileSync(TRIGGERS_FILE, live);
    expect(readFileSync(TRIGGERS_FILE, 'utf8')).toBe(live);
  });

  it('names the statement-level rollup triggers the rollups rely on', () => {
    const file = readFileSync(TRIGGERS_FILE, 'utf8');
    for (const trigger of ['evidence_rollups_insert', 'evidence_rollups_update', 'article_rollups_delete']) {
      expect(file).toMatch(new RegExp(`CREATE TRIGGER ${trigger} .* FOR EACH STATEMENT`));
    }
  });
});
