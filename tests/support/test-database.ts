import { createHash, randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { Socket } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { PREDICTIONS } from '../../prisma/seed/predictions';
import { SEED_RULES } from '../../prisma/seed/rules';
import { projectRoot } from '../../src/common/project-root';
import { migrate, readMigrations } from '../../src/database/migrator';
import { PrismaService } from '../../src/database/prisma.service';
import { TrendRepository } from '../../src/trends/trend.repository';
import { TrendSeeder } from '../../src/trends/trend-seeder';

/**
 * Each test file gets its own database, copied from a template that is migrated and seeded
 * once (CREATE DATABASE ... TEMPLATE is a file copy, far cheaper than migrating again).
 * Server: TEST_DATABASE_URL or DATABASE_URL when given, else the local server on 5432 when it
 * answers, else an embedded server started for the tests.
 */
const LOCAL_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';
const EMBEDDED_TEST_PORT = 54330;
const TEMPLATE_LOCK = 48151623;

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

function assertTestDatabaseName(url: string): void {
  const name = new URL(url).pathname.replace(/^\//, '');
  if (!/test/i.test(name)) {
    throw new Error(`refusing to run tests against database "${name}": its name must contain "test"`);
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = await resolveServerUrl();
  const template = await ensureTemplate(serverUrl);
  const name = `scorecard_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdmin(serverUrl, (c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  const url = withDatabase(serverUrl, name);
  assertTestDatabaseName(url);
  return {
    url,
    name,
    drop: () =>
      withAdmin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

export interface ConnectedTestDatabase extends TestDatabase {
  client: Client;
  /** Ends the client, then drops the database. */
  close(): Promise<void>;
}

/** A fresh test database and a client connected to it, for tests that set up or inspect state in SQL. */
export async function createConnectedTestDatabase(): Promise<ConnectedTestDatabase> {
  const db = await createTestDatabase();
  const client = new Client({ connectionString: db.url });
  await client.connect();
  return {
    ...db,
    client,
    close: async () => {
      await client.end();
      await db.drop();
    },
  };
}

async function resolveServerUrl(): Promise<string> {
  const given = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (given) return given;
  if (await portOpen(5432)) return LOCAL_URL;
  if (!(await portOpen(EMBEDDED_TEST_PORT))) await startEmbeddedTestServer();
  return `postgresql://postgres:postgres@127.0.0.1:${EMBEDDED_TEST_PORT}/postgres`;
}

function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(serverUrl: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The template's name carries a hash of migrations and seed, so any change builds a fresh one. */
function templateName(): string {
  const hash = createHash('sha256')
    .update(JSON.stringify(readMigrations().map((m) => m.checksum)))
    .update(JSON.stringify(PREDICTIONS))
    .update(JSON.stringify(SEED_RULES))
    .digest('hex')
    .slice(0, 12);
  return `scorecard_test_template_${hash}`;
}

async function ensureTemplate(serverUrl: string): Promise<string> {
  const name = templateName();
  await withAdmin(serverUrl, async (admin) => {
    await admin.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    try {
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (exists.rowCount) return;
      const building = `${name}_building`;
      await admin.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${building}"`);
      const url = withDatabase(serverUrl, building);
      await migrate(url);
      await seed(url);
      await admin.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
    } finally {
      await admin.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
    }
  });
  return name;
}

async function seed(url: string): Promise<void> {
  const prisma = new PrismaService(url);
  try {
    await new TrendSeeder(new TrendRepository(prisma)).seed();
  } finally {
    await prisma.onModuleDestroy();
  }
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(port, '127.0.0.1', () => done(true));
  });
}

/** A detached embedded server shared by every test file of the run (and later runs). */
async function startEmbeddedTestServer(): Promise<void> {
  const root = projectRoot();
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', join(root, 'src/database/embedded-server.cli.ts')],
    {
      cwd: root,
      detached: true,
      stdio: 'ignore',
      env: { ...process.env, DATA_DIR: join(root, '.data/test'), EMBEDDED_PG_PORT: String(EMBEDDED_TEST_PORT) },
    },
  );
  child.unref();
  const deadline = Date.now() + 60000;
  while (Date.now() < deadline) {
    if (await portOpen(EMBEDDED_TEST_PORT)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('embedded test PostgreSQL did not start within 60 s');
}
