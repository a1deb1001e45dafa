import { Client } from 'pg';
import { Prisma } from '../../../src/generated/prisma/client';
import { PrismaService } from '../../../src/database/prisma.service';
import { createTestDatabase, TestDatabase } from '../../support/test-database';
import { migrate } from '../../../src/database/migrator';

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
    await expect(delegate!.findFirst()).resolves.toBeDefined();
  });

  it('has exactly one table per model', async () => {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    const tables = await client.query<{ tablename: string }>(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1",
    );
    await client.end();
    expect(tables.rows).toHaveLength(Object.values(Prisma.ModelName).length);
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
