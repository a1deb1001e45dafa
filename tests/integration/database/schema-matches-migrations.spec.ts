import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { projectRoot } from '../../../src/common/project-root';
import { Prisma } from '../../../src/generated/prisma/client';
import { PrismaService } from '../../../src/database/prisma.service';
import { createTestDatabase, TestDatabase } from '../../support/test-database';
import { migrate } from '../../../src/database/migrator';

const SCALARS = new Set(['String', 'Int', 'BigInt', 'Float', 'Decimal', 'Boolean', 'DateTime', 'Json', 'Bytes']);

/** Table name -> column names, as schema.prisma declares them (@map / @@map applied). */
function schemaTables(): Map<string, string[]> {
  const schema = readFileSync(join(projectRoot(), 'prisma', 'schema.prisma'), 'utf8');
  const enums = new Set([...schema.matchAll(/^enum (\w+) \{/gm)].map((m) => m[1]));
  const tables = new Map<string, string[]>();
  for (const [, model, body] of schema.matchAll(/^model (\w+) \{\n([\s\S]*?)^\}/gm)) {
    const columns = [];
    for (const line of body.split('\n').map((l) => l.trim())) {
      const field = /^(\w+)\s+(\w+)(\[\])?\??(.*)$/.exec(line);
      if (!field || (!SCALARS.has(field[2]) && !enums.has(field[2]))) continue; // relations, @@ lines
      columns.push(/@map\("([^"]+)"\)/.exec(field[4])?.[1] ?? field[1]);
    }
    tables.set(/@@map\("([^"]+)"\)/.exec(body)?.[1] ?? model, columns.sort());
  }
  return tables;
}

/**
 * Migrations are hand-written SQL (Prisma's schema engine cannot run here), so this checks
 * them against schema.prisma: every model can be read with all its columns, and the database
 * has no table the schema does not know.
 */
describe('migrations match schema.prisma', () => {
  let db: TestDatabase;
  let prisma: PrismaService;
  beforeAll(async () => {
    db = await createTestDatabase();
    prisma = new PrismaService(db.url);
  });
  afterAll(async () => {
    await prisma.onModuleDestroy();
    await db.drop();
  });

  it.each(Object.values(Prisma.ModelName))('reads every column of %s', async (model) => {
    const delegate = (prisma as unknown as Record<string, { findFirst(): Promise<unknown> }>)[
      model.charAt(0).toLowerCase() + model.slice(1)
    ];
    // Rejects when a column the model names is missing from the table.
    await expect(delegate!.findFirst().then(() => 'read')).resolves.toBe('read');
  });

  it('has exactly the tables and columns schema.prisma declares, by name', async () => {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    const columns = await client.query<{ table: string; column: string }>(
      `SELECT table_name AS table, column_name AS column FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY 1, 2`,
    );
    await client.end();
    const live = new Map<string, string[]>();
    for (const { table, column } of columns.rows) live.set(table, [...(live.get(table) ?? []), column]);
    const declared = schemaTables();
    expect(declared.size).toBe(Object.values(Prisma.ModelName).length);
    expect(Object.fromEntries(live)).toEqual(Object.fromEntries(declared));
  });

  it('records migrations as prisma migrate deploy would, and reapplies nothing', async () => {
    const again = await migrate(db.url);
    expect(again.applied).toEqual([]);
    const client = new Client({ connectionString: db.url });
    await client.connect();
    const rows = await client.query('SELECT migration_name, checksum, finished_at FROM _prisma_migrations');
    await client.end();
    expect(rows.rows.length).toBeGreaterThan(0);
    for (const row of rows.rows) {
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).not.toBeNull();
    }
  });

  it('would notice a column the migrations forgot', async () => {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    await client.query('ALTER TABLE webhooks DROP COLUMN secret');
    await client.end();
    await expect(prisma.webhook.findFirst()).rejects.toThrow(/secret/);
  });
});
