/**
 * Shared by the digest tests: evidence seeded with SQL at known instants, a real HTTP receiver and
 * a real SMTP server, both on 127.0.0.1.
 */
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { sql } from '../../support/sql';

const DAY_MS = 24 * 60 * 60 * 1000;

export const at = (iso: string) => new Date(iso);
export const plusDays = (d: Date, days: number) => new Date(d.getTime() + days * DAY_MS);

export interface SeedEvidence {
  slug: string;
  stance: 'supports' | 'contradicts';
  status: 'pending' | 'accepted' | 'rejected';
  score: number;
  /** When the service stored it (created_at) and when the article was published. */
  at: Date;
  title: string;
}

/** One article and one evidence row per entry, stored at `at` as far as the database can tell. */
export async function seedEvidence(dbUrl: string, rows: SeedEvidence[]): Promise<void> {
  for (const [i, row] of rows.entries()) {
    const url = `https://news.example/${row.at.getTime()}-${i}-${row.slug}`;
    await sql(
      dbUrl,
      `WITH a AS (
         INSERT INTO articles (url, normalized_url, title, published_at, first_seen_at)
         VALUES ($1, $1, $2, $3, $3) RETURNING id, published_at)
       INSERT INTO evidence (article_id, trend_id, stance, score, status, published_at, created_at, updated_at)
       SELECT a.id, (SELECT id FROM trends WHERE slug = $4), $5, $6, $7, a.published_at, $3, $3 FROM a`,
      [url, row.title, row.at, row.slug, row.stance, row.score, row.status],
    );
  }
}

/** Articles without evidence, the denominator of momentum's share of attention. */
export async function seedBackgroundArticles(dbUrl: string, from: Date, days: number, perDay: number): Promise<void> {
  await sql(
    dbUrl,
    `INSERT INTO articles (url, normalized_url, title, published_at, first_seen_at)
     SELECT 'https://bg.example/' || g, 'https://bg.example/' || g, 'background ' || g,
            $1::timestamptz + (g / $3) * interval '1 day' + interval '1 hour', $1::timestamptz
     FROM generate_series(0, $2::int * $3::int - 1) g`,
    [from, days, perDay],
  );
}

export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Receiver {
  url: string;
  requests: ReceivedRequest[];
  close(): Promise<void>;
}

/** A webhook receiver answering each request with the next status of `statuses` (the last repeats). */
export async function startReceiver(statuses: number[] = [200]): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.statusCode = statuses[Math.min(requests.length - 1, statuses.length - 1)]!;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface ReceivedMail {
  to: string[];
  raw: string;
}

export interface MailServer {
  url: string;
  messages: ReceivedMail[];
  close(): Promise<void>;
}

/** A real SMTP server keeping every message it accepts. */
export async function startMailServer(): Promise<MailServer> {
  const messages: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        messages.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
