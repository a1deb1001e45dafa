import { api, startTestApp, TestApp } from '../support/test-app';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface LogLine {
  msg?: string;
  context?: string;
  req?: { id?: string; url?: string };
  res?: { statusCode?: number };
}

describe('request ids', () => {
  let t: TestApp;
  const logLines: LogLine[] = [];
  beforeAll(async () => {
    // The logger's own output, line by line, as an operator's log collector would read it.
    const logDestination = { write: (line: string) => void logLines.push(JSON.parse(line) as LogLine) };
    t = await startTestApp({ LOG_LEVEL: 'info' }, { logDestination });
  });
  afterAll(() => t?.close());

  const linesOf = (id: string) => logLines.filter((l) => l.req?.id === id);

  it('echoes an acceptable X-Request-Id and puts it in the error body, keeping code and message', async () => {
    const res = await api(t.baseUrl, '/api/trends/no-such-prediction', {
      token: null,
      headers: { 'x-request-id': 'report-42.abc:7_x' },
    });
    expect(res.status).toBe(404);
    expect(res.headers.get('x-request-id')).toBe('report-42.abc:7_x');
    expect(res.body.error).toEqual({
      code: 'trend_not_found',
      message: expect.any(String),
      requestId: 'report-42.abc:7_x',
    });
  });

  it('generates an id when none is sent, on success and on error', async () => {
    const ok = await api(t.baseUrl, '/api/trends', { token: null });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-request-id')).toMatch(UUID);
    const denied = await api(t.baseUrl, '/api/admin/feeds', { token: null });
    expect(denied.status).toBe(401);
    expect(denied.body.error.requestId).toMatch(UUID);
    expect(denied.headers.get('x-request-id')).toBe(denied.body.error.requestId);
    expect(denied.body.error.requestId).not.toBe(ok.headers.get('x-request-id'));
  });

  it.each([
    ['too long', 'a'.repeat(129)],
    ['unsafe characters', 'id with spaces'],
    ['markup', '<script>'],
    ['a log-line breaker', 'a"}{"b'],
  ])('replaces an X-Request-Id that is %s with a generated one', async (_, sent) => {
    const res = await api(t.baseUrl, '/api/trends/no-such-prediction', {
      token: null,
      headers: { 'x-request-id': sent },
    });
    expect(res.headers.get('x-request-id')).toMatch(UUID);
    expect(res.body.error.requestId).toBe(res.headers.get('x-request-id'));
  });

  it('gives a request the body parser refuses an id too', async () => {
    const res = await api(t.baseUrl, '/api/admin/feeds', {
      method: 'POST',
      body: '{"url": ',
      headers: { 'x-request-id': 'bad-json-1' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: expect.any(String), requestId: 'bad-json-1' });
  });

  it('puts the id on every log line of the request, from the services it calls too', async () => {
    const res = await api(t.baseUrl, '/api/admin/jobs/ingest-feeds/run', {
      method: 'POST',
      headers: { 'x-request-id': 'job-run-7' },
    });
    expect(res.status).toBe(200);
    const lines = linesOf('job-run-7');
    // The job runner's own line, logged deep inside the request, and pino-http's summary line.
    expect(
      lines.find((l) => l.context === 'JobRunner' && l.msg?.startsWith('job ingest-feeds finished')),
    ).toBeDefined();
    expect(lines.find((l) => l.msg === 'request completed')?.res?.statusCode).toBe(200);
    // No line of another request carries it.
    expect(
      logLines.filter((l) => l.req?.id === 'job-run-7' && l.req?.url !== '/api/admin/jobs/ingest-feeds/run'),
    ).toEqual([]);
  });

  it('logs an error response with the id its body shows', async () => {
    const res = await api(t.baseUrl, '/api/trends/no-such-prediction', {
      token: null,
      headers: { 'x-request-id': 'error-line-1' },
    });
    expect(res.body.error.requestId).toBe('error-line-1');
    const [line] = linesOf('error-line-1');
    expect(line).toMatchObject({ req: { id: 'error-line-1', url: '/api/trends/no-such-prediction' } });
    expect(line?.res?.statusCode).toBe(404);
  });
});
