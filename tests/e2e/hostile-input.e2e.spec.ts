import { api, startTestApp, TestApp } from '../support/test-app';

/**
 * Classes of hostile input, each tried on every route that takes it. The routes and their
 * parameters come from the OpenAPI document (as in authorization-matrix.e2e.spec.ts), so a route
 * added later is covered without editing this file. Every answer must be a 400 (or 413) in the
 * common error shape: never a 500, never slow.
 */
interface Parameter {
  name: string;
  in: 'path' | 'query';
  schema?: { type?: string; format?: string };
}
interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  jsonBody?: Schema;
}
interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  $ref?: string;
  oneOf?: Schema[];
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const DATE_NAMES = /^(from|to|asOf|publishedAt|since|until)$/;
const isIdName = (name: string) => /(^id$|Id$)/.test(name);
/** Valid stand-ins for path parameters that are not the one under test. */
const PATH_DEFAULTS: Record<string, string> = { id: '1', key: 'compute-clusters', name: 'rebuild-rollups' };

async function operations(baseUrl: string): Promise<{ ops: Operation[]; schemas: Record<string, Schema> }> {
  const doc = (await api(baseUrl, '/api/docs.json', { token: null })).body as {
    paths: Record<string, Record<string, any>>;
    components: { schemas: Record<string, Schema> };
  };
  const ops = Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((m) => ({
      method: m.toUpperCase(),
      path,
      parameters: (item[m].parameters ?? []) as Parameter[],
      jsonBody: item[m].requestBody?.content?.['application/json']?.schema as Schema | undefined,
    })),
  );
  return { ops, schemas: doc.components.schemas };
}

function resolve(schema: Schema, schemas: Record<string, Schema>): Schema {
  return schema.$ref ? schemas[schema.$ref.split('/').pop()!]! : schema;
}

/** A body that passes validation (required fields from enum/example/type), so a bad value in one field is what is judged. */
function sampleBody(schema: Schema, schemas: Record<string, Schema>): Record<string, unknown> {
  const s = resolve(schema, schemas);
  const body: Record<string, unknown> = {};
  for (const name of s.required ?? []) body[name] = sampleValue(name, s.properties?.[name] ?? {}, schemas);
  return body;
}

function sampleValue(name: string, schema: Schema, schemas: Record<string, Schema>): unknown {
  const s = resolve(schema, schemas);
  if (s.example !== undefined) return s.example;
  if (s.enum) return s.enum[0];
  if (s.type === 'array') return [sampleValue(name, s.items ?? {}, schemas)];
  if (s.type === 'integer' || s.type === 'number') return 1;
  if (s.type === 'boolean') return true;
  if (s.type === 'object') return sampleBody(s, schemas);
  if (name === 'role') return 'reviewer';
  return 'sample text';
}

function pathWith(op: Operation, values: Record<string, string> = {}): string {
  return op.path.replace(/\{([^}]+)\}/g, (_, name: string) => values[name] ?? PATH_DEFAULTS[name] ?? '1');
}

const encode = (value: string) => encodeURIComponent(value);
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('hostile input on every route that takes it', () => {
  let t: TestApp;
  let ops: Operation[];
  let schemas: Record<string, Schema>;

  beforeAll(async () => {
    // A high limit: this file sends many admin requests on purpose.
    t = await startTestApp({ ADMIN_RATE_LIMIT_PER_MINUTE: '100000', AUTH_FAILURES_PER_MINUTE: '10000' });
    ({ ops, schemas } = await operations(t.baseUrl));
  });
  afterAll(() => t.close());

  /** Sends each case and lists the ones not answered 400 (with `code` when given), instead of stopping at the first. */
  async function wrongAnswers(
    cases: { label: string; method: string; url: string; body?: unknown; code?: string; mention?: string }[],
  ): Promise<string[]> {
    const wrong: string[] = [];
    for (const c of cases) {
      const started = Date.now();
      const res = await api(t.baseUrl, c.url, { method: c.method, body: c.body });
      const ms = Date.now() - started;
      const code = res.body?.error?.code;
      const message = String(res.body?.error?.message ?? '');
      const ok =
        res.status === 400 &&
        (c.code === undefined || code === c.code) &&
        (c.mention === undefined || message.includes(c.mention)) &&
        ms < 2000;
      if (!ok) wrong.push(`${c.label} -> ${res.status} ${code} ${message.slice(0, 80)} (${ms} ms)`);
    }
    return wrong;
  }

  it('finds the routes that take ids, dates, cursors and JSON bodies', () => {
    expect(ops.filter((o) => o.parameters.some((p) => p.in === 'path' && p.name === 'id')).length).toBeGreaterThan(8);
    expect(ops.filter((o) => o.parameters.some((p) => p.name === 'cursor')).length).toBeGreaterThanOrEqual(8);
    expect(ops.filter((o) => o.parameters.some((p) => DATE_NAMES.test(p.name))).length).toBeGreaterThanOrEqual(4);
    expect(ops.filter((o) => o.jsonBody).length).toBeGreaterThanOrEqual(8);
  });

  const BAD_IDS = ['2147483648', '99999999999999999999', '0', '-1', '1.5', '1e3', '12abc'];

  it('refuses ids outside 1..2147483647 in paths and query strings with 400 invalid_id or validation_failed', async () => {
    const cases = ops.flatMap((op) =>
      op.parameters
        .filter((p) => isIdName(p.name) && (p.schema?.type === 'number' || p.schema?.type === 'integer'))
        .flatMap((p) =>
          BAD_IDS.map((bad) => {
            const url = p.in === 'path' ? pathWith(op, { [p.name]: bad }) : `${pathWith(op)}?${p.name}=${encode(bad)}`;
            const body = op.jsonBody ? sampleBody(op.jsonBody, schemas) : undefined;
            return { label: `${op.method} ${url}`, method: op.method, url, body, mention: p.name };
          }),
        ),
    );
    expect(cases.length).toBeGreaterThan(50);
    expect(await wrongAnswers(cases)).toEqual([]);
  });

  it('refuses ids outside the range in JSON bodies (one id field at a time)', async () => {
    const cases = ops.flatMap((op) => {
      if (!op.jsonBody) return [];
      const s = resolve(op.jsonBody, schemas);
      return Object.entries(s.properties ?? {})
        .filter(([name]) => isIdName(name) || /Ids$|^ids$/.test(name))
        .flatMap(([name, prop]) =>
          [2147483648, 1e20, 0, -3].map((bad) => ({
            label: `${op.method} ${op.path} ${name}=${bad}`,
            method: op.method,
            url: pathWith(op),
            body: {
              ...sampleBody(op.jsonBody!, schemas),
              [name]: resolve(prop, schemas).type === 'array' ? [bad] : bad,
            },
          })),
        );
    });
    expect(cases.length).toBeGreaterThan(0);
    expect(await wrongAnswers(cases)).toEqual([]);
  });

  const BAD_DATES = [
    '20240101',
    '2024-W01-1',
    '2024-001',
    '0000-01-01',
    '-100000-01-01',
    '+275760-09-13T00:00:00.000Z',
    '-271821-04-20T00:00:00.000Z',
    '2024-02-30',
    '2024-13-01',
    'yesterday',
  ];

  it('refuses dates that are not sane ISO 8601 calendar dates, naming the parameter', async () => {
    const cases = ops.flatMap((op) =>
      op.parameters
        .filter((p) => p.in === 'query' && DATE_NAMES.test(p.name))
        .flatMap((p) =>
          BAD_DATES.map((bad) => {
            const url = `${pathWith(op)}?${p.name}=${encode(bad)}`;
            return { label: `${op.method} ${url}`, method: op.method, url, mention: p.name };
          }),
        ),
    );
    const bodyCases = ops.flatMap((op) => {
      if (!op.jsonBody) return [];
      const props = resolve(op.jsonBody, schemas).properties ?? {};
      return Object.keys(props)
        .filter((name) => DATE_NAMES.test(name))
        .flatMap((name) =>
          BAD_DATES.map((bad) => ({
            label: `${op.method} ${op.path} ${name}=${bad}`,
            method: op.method,
            url: pathWith(op),
            body: { ...sampleBody(op.jsonBody!, schemas), [name]: bad },
            mention: name,
          })),
        );
    });
    expect(cases.length).toBeGreaterThan(40);
    expect(bodyCases.length).toBeGreaterThan(0);
    expect(await wrongAnswers([...cases, ...bodyCases])).toEqual([]);
  });

  it('refuses NUL in every path segment and query parameter with 400 invalid_characters', async () => {
    const cases = ops.flatMap((op) =>
      op.parameters.map((p) => {
        const url =
          p.in === 'path' ? pathWith(op, { [p.name]: 'a%00b' }) : `${pathWith(op)}?${p.name}=${encode('a\u0000b')}`;
        return { label: `${op.method} ${url}`, method: op.method, url, code: 'invalid_characters' };
      }),
    );
    expect(cases.length).toBeGreaterThan(60);
    expect(await wrongAnswers(cases)).toEqual([]);
  });

  it('refuses NUL in any string of a JSON body with 400 invalid_characters', async () => {
    const cases = ops.flatMap((op) => {
      if (!op.jsonBody) return [];
      const sample = sampleBody(op.jsonBody, schemas);
      const stringFields = Object.keys(sample).filter((k) => typeof sample[k] === 'string');
      return [...stringFields, 'extra'].map((field) => ({
        label: `${op.method} ${op.path} ${field}`,
        method: op.method,
        url: pathWith(op),
        body: { ...sample, [field]: 'a\u0000b' },
        code: 'invalid_characters',
      }));
    });
    expect(cases.length).toBeGreaterThan(10);
    expect(await wrongAnswers(cases)).toEqual([]);
  });

  it('refuses a JSON body nested 5,000 levels deep with 400 body_too_deep, quickly', async () => {
    const deep = `{"a":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    const cases = ops
      .filter((op) => op.jsonBody)
      .map((op) => ({
        label: `${op.method} ${op.path}`,
        method: op.method,
        url: pathWith(op),
        body: deep,
        code: 'body_too_deep',
      }));
    expect(await wrongAnswers(cases)).toEqual([]);
  });

  it('answers 413 payload_too_large to a JSON body over the limit', async () => {
    const res = await api(t.baseUrl, '/api/admin/tagging/preview', {
      method: 'POST',
      body: { text: 'x'.repeat(2_000_000) },
    });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });

  const TAMPERED_CURSORS = [
    b64({ id: 'x', periodStart: 5, s: 'score', v: {} }),
    b64({ id: 2147483648, periodStart: '2024-01-01T00:00:00.000Z', s: 'score', v: 1 }),
    b64({ id: 1.5, periodStart: 'not a date', s: 'date', v: 'not a date' }),
    b64({ id: null, periodStart: null, s: null, v: null }),
    b64('a string'),
    b64([1, 2]),
    'not-base64-json!!',
  ];

  it('refuses a tampered cursor with 400 invalid_cursor on every list endpoint', async () => {
    const cases = ops
      .filter((op) => op.method === 'GET' && op.parameters.some((p) => p.name === 'cursor'))
      .flatMap((op) =>
        TAMPERED_CURSORS.map((cursor) => {
          const url = `${pathWith(op)}?cursor=${encode(cursor)}`;
          return { label: `${op.method} ${url}`, method: op.method, url, code: 'invalid_cursor' };
        }),
      );
    expect(cases.length).toBeGreaterThanOrEqual(8 * TAMPERED_CURSORS.length);
    expect(await wrongAnswers(cases)).toEqual([]);
  });

  it('refuses page sizes over each list ceiling', async () => {
    const cases = ops
      .filter((op) => op.method === 'GET' && op.parameters.some((p) => p.name === 'limit'))
      .flatMap((op) =>
        ['100000', '0', '-1', '99999999999999999999'].map((limit) => {
          const url = `${pathWith(op)}?limit=${limit}`;
          return { label: `${op.method} ${url}`, method: op.method, url, mention: 'limit' };
        }),
      );
    expect(await wrongAnswers(cases)).toEqual([]);
  });
});

describe('momentum windows are sized before anything is allocated', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it.each([
    '/api/trends/compute-clusters/momentum?interval=day&from=-100000-01-01',
    '/api/trends/compute-clusters/momentum?interval=day&from=1900-01-01&to=9999-12-31',
    '/api/scorecard?interval=day&from=1900-01-01&to=9999-12-31',
  ])('answers 400 at once to %s', async (url) => {
    const started = Date.now();
    const res = await api(t.baseUrl, url, { token: null });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toMatch(/invalid|validation/);
    expect(Date.now() - started).toBeLessThan(300);
  });
});
