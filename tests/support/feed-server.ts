import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

export type FeedHandler = (request: IncomingMessage, response: ServerResponse) => void;

export interface ReceivedRequest {
  path: string;
  headers: IncomingMessage['headers'];
}

export interface FeedServer {
  /** http://127.0.0.1:<port> with no trailing slash. */
  baseUrl: string;
  port: number;
  url(path: string): string;
  /** Every request the server saw, in order: lets tests prove what was (not) sent. */
  requests: ReceivedRequest[];
  close(): Promise<void>;
}

/** A route table (exact path, query ignored) or one catch-all handler. Unknown paths get 404. */
export type Routes = Record<string, FeedHandler> | FeedHandler;

function pickHandler(routes: Routes, path: string): FeedHandler | undefined {
  return typeof routes === 'function' ? routes : routes[path];
}

function notFound(_request: IncomingMessage, response: ServerResponse): void {
  response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
}

/** Starts a real HTTP server on 127.0.0.1 with an ephemeral port; close() also cuts hanging connections. */
export async function startFeedServer(routes: Routes): Promise<FeedServer> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://placeholder').pathname;
    requests.push({ path, headers: request.headers });
    (pickHandler(routes, path) ?? notFound)(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    port,
    url: (path) => `${baseUrl}${path.startsWith('/') ? path : `/${path}`}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A handler answering with a fixed body and headers. */
export function respondWith(body: string | Buffer, headers: Record<string, string> = {}, status = 200): FeedHandler {
  return (_request, response) => {
    response.writeHead(status, { 'content-type': 'application/rss+xml', ...headers });
    response.end(body);
  };
}

export const SAMPLE_RSS = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Sample</title><link>https://example.org/</link><ttl>60</ttl>
<item><title>Café résumé</title><link>https://example.org/a?utm_source=x</link><guid>a-1</guid>
<pubDate>Tue, 02 Jan 2024 10:00:00 GMT</pubDate><description>&lt;p&gt;Hello&lt;/p&gt;</description></item>
</channel></rss>`;
