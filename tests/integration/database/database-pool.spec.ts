import type { Client } from 'pg';
import { PrismaService } from '../../../src/database/prisma.service';
import { ConnectedTestDatabase, createConnectedTestDatabase } from '../../support/test-database';

/** Connections to the test database other than `admin`'s own. */
async function connectionsTo(admin: Client, database: string): Promise<number> {
  const { rows } = await admin.query(
    'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
    [database],
  );
  return rows[0].n;
}

describe('the database pool', () => {
  let db: ConnectedTestDatabase;
  let admin: Client;
  let database: string;

  beforeEach(async () => {
    db = await createConnectedTestDatabase();
    admin = db.client;
    database = db.name;
  });

  afterEach(() => db.close());

  it('survives the server ending its idle connections, and connects again when needed', async () => {
    const prisma = new PrismaService(db.url);
    try {
      await Promise.all([prisma.pool.query('SELECT pg_sleep(0.05)'), prisma.pool.query('SELECT pg_sleep(0.05)')]);
      expect(prisma.pool.idleCount).toBe(2);
      await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [database],
      );
      // The pool hears of it and drops both clients (unheard, the error would end this process).
      for (let waited = 0; prisma.pool.totalCount > 0 && waited < 5000; waited += 20)
        await new Promise((r) => setTimeout(r, 20));
      expect(prisma.pool.totalCount).toBe(0);
      const { rows } = await prisma.pool.query('SELECT 1 AS one');
      expect(rows).toEqual([{ one: 1 }]);
      expect(await prisma.trend.count()).toBe(10);
    } finally {
      await prisma.onModuleDestroy();
    }
  });

  it('has closed every connection when closing resolves, so the database can go at once', async () => {
    const prisma = new PrismaService(db.url);
    await Promise.all(Array.from({ length: 8 }, () => prisma.pool.query('SELECT pg_sleep(0.02)')));
    await prisma.trend.count();
    expect(await connectionsTo(admin, database)).toBeGreaterThanOrEqual(8);
    await prisma.onModuleDestroy();
    expect(await connectionsTo(admin, database)).toBe(0);
  });
});
