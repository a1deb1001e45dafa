import { INestApplication } from '@nestjs/common';
import { AddressInfo } from 'node:net';
import { createApp } from '../../src/create-app';
import { LogDestination } from '../../src/common/logging';
import { AppEnv, parseEnv } from '../../src/config/env';
import { createTestDatabase, TestDatabase } from './test-database';

export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

export interface TestApp {
  app: INestApplication;
  baseUrl: string;
  db: TestDatabase;
  env: AppEnv;
  close(): Promise<void>;
}

export interface StartTestAppOptions {
  /**
   * Run on this database instead of a fresh one, e.g. several instances of the app sharing one
   * database as a cluster would. The caller owns it: close() leaves it in place.
   */
  db?: TestDatabase;
  /** Log lines go here instead of stdout, for tests that read what the logger wrote. */
  logDestination?: LogDestination;
}

/** The real application on its own test database (or a given one), listening on a free loopback port. */
export async function startTestApp(
  overrides: Record<string, string> = {},
  options: StartTestAppOptions = {},
): Promise<TestApp> {
  const ownsDatabase = options.db === undefined;
  const db = options.db ?? (await createTestDatabase());
  const env = parseEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    ADMIN_TOKEN: TEST_ADMIN_TOKEN,
    FEED_ALLOW_PRIVATE_NETWORKS: 'true',
    LOAD_DEFAULT_FEEDS: 'false',
    SCHEDULER_ENABLED: 'false',
    // A free port each: test files run side by side and must not fight over the default 9464.
    METRICS_PORT: '0',
    // Public answers are still kept while the data is unchanged, but a write shows at once: tests
    // read right after they write. bench/load.bench.ts runs with the production lag.
    READ_CACHE_LAG_MS: '0',
    ...overrides,
    DATABASE_URL: db.url,
  });
  const app = await createApp(env, db.url, { logDestination: options.logDestination });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return {
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    db,
    env,
    close: async () => {
      await app.close();
      if (ownsDatabase) await db.drop();
    },
  };
}

/** fetch with the admin token and JSON body handling. */
export async function api(
  baseUrl: string,
  path: string,
  init: { method?: string; body?: unknown; token?: string | null; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  const token = init.token === undefined ? TEST_ADMIN_TOKEN : init.token;
  if (token) headers.authorization = `Bearer ${token}`;
  let body: string | undefined;
  if (init.body !== undefined) {
    body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(`${baseUrl}${path}`, { method: init.method ?? 'GET', headers, body });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body: parsed, headers: res.headers };
}
