import * as http from 'node:http';
import * as https from 'node:https';
import { lookup as systemLookup } from 'node:dns';
import { isIP, LookupFunction } from 'node:net';
import { declaredLengthExceeds, readCappedBody, tooLargeError } from './body-reader';
import { decodeFeedBytes } from './charset';
import { FeedError, FeedErrorCode } from './feed-errors';
import { sniffFeedFormat } from './feed-sniff';
import { parseCacheControlMaxAge, parseHttpDate, parseRetryAfter } from './http-headers';
import { createGuardedLookup, hostnameForLookup, isPublicAddress, parseFeedUrl } from './ssrf-guard';

export const DEFAULT_USER_AGENT = 'trend-scorecard/0.1 (+feed ingestion)';

export interface FetchFeedOptions {
  etag?: string;
  lastModified?: string;
  /** Skip If-None-Match/If-Modified-Since, e.g. once a day against servers with broken validators. */
  unconditional?: boolean;
  allowPrivateNetworks: boolean;
  userAgent?: string;
  connectTimeoutMs?: number;
  totalTimeoutMs?: number;
  /** Cap on the decompressed body. */
  maxBytes?: number;
  maxRedirects?: number;
  /** Test seam: the resolver underneath the SSRF guard (defaults to dns.lookup). */
  dnsLookup?: typeof systemLookup;
  /** Test seam: which addresses count as public (defaults to isPublicAddress). */
  isAddressAllowed?: (address: string) => boolean;
}

interface CacheHints {
  status: number;
  finalUrl: string;
  etag?: string;
  lastModified?: string;
  cacheControlMaxAgeSec?: number;
  expiresAt?: Date;
}

export type FetchResult =
  | ({ kind: 'ok'; body: string; contentType?: string; fetchedBytes: number } & CacheHints)
  | ({ kind: 'not-modified' } & CacheHints)
  | { kind: 'error'; code: FeedErrorCode; message: string; status?: number; retryAfterSec?: number };

type Settings = Required<Omit<FetchFeedOptions, 'etag' | 'lastModified' | 'unconditional' | 'dnsLookup'>> &
  Pick<FetchFeedOptions, 'etag' | 'lastModified' | 'unconditional'> & { lookup?: LookupFunction };

const DEFAULTS = {
  userAgent: DEFAULT_USER_AGENT,
  connectTimeoutMs: 10_000,
  totalTimeoutMs: 30_000,
  maxBytes: 15 * 1024 * 1024,
  maxRedirects: 5,
};

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

const NETWORK_ERROR_CODES: Record<string, FeedErrorCode> = {
  ENOTFOUND: 'dns-failure',
  EAI_AGAIN: 'dns-failure',
  EAI_FAIL: 'dns-failure',
  ENODATA: 'dns-failure',
};

function settingsFrom(options: FetchFeedOptions): Settings {
  const isAddressAllowed = options.isAddressAllowed ?? isPublicAddress;
  const guarded = !options.allowPrivateNetworks;
  const lookup = guarded
    ? createGuardedLookup(options.dnsLookup, isAddressAllowed)
    : (options.dnsLookup as LookupFunction | undefined);
  const defined = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
  return { ...DEFAULTS, ...defined, isAddressAllowed, lookup } as Settings;
}

/**
 * Fetches a feed with conditional GET, a connect and a whole-response timeout, a decompressed-size
 * cap, bounded redirects and an SSRF check on every hop. Never throws: failures come back as
 * { kind: 'error' } with a stable code.
 */
export async function fetchFeed(url: string, options: FetchFeedOptions, signal?: AbortSignal): Promise<FetchResult> {
  const settings = settingsFrom(options);
  const deadline = new Deadline(settings.totalTimeoutMs, signal);
  try {
    return await fetchFollowingRedirects(url, settings, deadline.signal);
  } catch (error) {
    return errorResult(error, deadline, settings);
  } finally {
    deadline.dispose();
  }
}

/**
 * One AbortSignal for "the caller gave up" and "the whole fetch took too long". Not p-timeout: that
 * only stops waiting for a promise, while this must abort the request and its body stream.
 */
class Deadline {
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  private readonly onCallerAbort = () => this.controller.abort(new FeedError('aborted', 'The fetch was cancelled'));
  timedOut = false;

  constructor(
    totalTimeoutMs: number,
    private readonly callerSignal?: AbortSignal,
  ) {
    this.timer = setTimeout(() => {
      this.timedOut = true;
      this.controller.abort(new FeedError('timeout', `No complete response within ${totalTimeoutMs} ms`));
    }, totalTimeoutMs);
    if (callerSignal?.aborted) this.onCallerAbort();
    callerSignal?.addEventListener('abort', this.onCallerAbort, { once: true });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.callerSignal?.removeEventListener('abort', this.onCallerAbort);
  }
}

async function fetchFollowingRedirects(
  startUrl: string,
  settings: Settings,
  signal: AbortSignal,
): Promise<FetchResult> {
  let url = startUrl;
  for (let redirects = 0; ; redirects += 1) {
    const response = await requestOnce(url, settings, signal);
    const location = REDIRECT_STATUSES.has(response.statusCode ?? 0) ? response.headers.location : undefined;
    if (!location) return resultFromResponse(response, url, settings);
    response.destroy();
    if (redirects >= settings.maxRedirects) {
      throw new FeedError('too-many-redirects', `More than ${settings.maxRedirects} redirects (last to ${location})`);
    }
    url = new URL(location, url).toString();
  }
}

function requestHeaders(settings: Settings): http.OutgoingHttpHeaders {
  const headers: http.OutgoingHttpHeaders = {
    'user-agent': settings.userAgent,
    accept:
      'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
    'accept-encoding': 'gzip, deflate, br',
  };
  if (!settings.unconditional && settings.etag) headers['if-none-match'] = settings.etag;
  if (!settings.unconditional && settings.lastModified) headers['if-modified-since'] = settings.lastModified;
  return headers;
}

/** IP-literal hosts never go through `lookup`, so the guard has to look at them itself. */
function assertLiteralHostAllowed(target: URL, settings: Settings): void {
  const host = hostnameForLookup(target);
  if (settings.allowPrivateNetworks || !isIP(host)) return;
  if (!settings.isAddressAllowed(host)) {
    throw new FeedError('blocked-address', `Refusing to fetch ${host}: it is not a public address`);
  }
}

function requestOnce(url: string, settings: Settings, signal: AbortSignal): Promise<http.IncomingMessage> {
  const target = parseFeedUrl(url);
  assertLiteralHostAllowed(target, settings);
  signal.throwIfAborted();
  const transport = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    // agent: false gives every hop its own socket, so the guarded lookup runs for each connection.
    const request = transport.request(target, {
      method: 'GET',
      headers: requestHeaders(settings),
      agent: false,
      lookup: settings.lookup,
    });
    const abort = () => request.destroy(signal.reason as Error);
    signal.addEventListener('abort', abort, { once: true });
    request.once('close', () => signal.removeEventListener('abort', abort));
    armConnectTimeout(request, settings.connectTimeoutMs);
    request.once('response', resolve);
    request.once('error', reject);
    request.end();
  });
}

function armConnectTimeout(request: http.ClientRequest, connectTimeoutMs: number): void {
  request.once('socket', (socket) => {
    const timer = setTimeout(() => {
      request.destroy(new FeedError('timeout', `Could not connect within ${connectTimeoutMs} ms`));
    }, connectTimeoutMs);
    socket.once('connect', () => clearTimeout(timer));
    socket.once('close', () => clearTimeout(timer));
  });
}

function cacheHints(response: http.IncomingMessage, finalUrl: string): CacheHints {
  return {
    status: response.statusCode ?? 0,
    finalUrl,
    etag: response.headers.etag,
    lastModified: response.headers['last-modified'],
    cacheControlMaxAgeSec: parseCacheControlMaxAge(response.headers['cache-control']),
    expiresAt: parseHttpDate(response.headers.expires),
  };
}

async function resultFromResponse(
  response: http.IncomingMessage,
  finalUrl: string,
  settings: Settings,
): Promise<FetchResult> {
  const status = response.statusCode ?? 0;
  if (status === 304) {
    response.destroy();
    return {
      kind: 'not-modified',
      ...cacheHints(response, finalUrl),
      etag: response.headers.etag ?? settings.etag,
      lastModified: response.headers['last-modified'] ?? settings.lastModified,
    };
  }
  if (status < 200 || status > 299) {
    response.destroy();
    return httpErrorResult(response);
  }
  return okResult(response, finalUrl, settings);
}

function httpErrorResult(response: http.IncomingMessage): FetchResult {
  const status = response.statusCode ?? 0;
  // The process clock, not the injected Clock: an HTTP-date Retry-After is the server's wall time,
  // turned here into a delay (a duration), which a Clock moved by a test would distort.
  const retryAfterSec = parseRetryAfter(response.headers['retry-after'], new Date());
  const reason = `${status} ${response.statusMessage ?? ''}`.trim();
  if (status === 429) {
    return {
      kind: 'error',
      code: 'rate-limited',
      message: `The server is rate-limiting us (HTTP ${reason})`,
      status,
      retryAfterSec,
    };
  }
  return { kind: 'error', code: 'http-error', message: `The server answered HTTP ${reason}`, status, retryAfterSec };
}

async function okResult(response: http.IncomingMessage, finalUrl: string, settings: Settings): Promise<FetchResult> {
  const encoding = response.headers['content-encoding'];
  if (declaredLengthExceeds(response.headers['content-length'], encoding, settings.maxBytes)) {
    response.destroy();
    throw tooLargeError(settings.maxBytes);
  }
  const bytes = await readCappedBody(response, encoding, settings.maxBytes);
  const contentType = response.headers['content-type'];
  const body = decodeFeedBytes(bytes, contentType).text;
  const format = sniffFeedFormat(body);
  if (format === 'html' || format === 'unknown') {
    const what =
      format === 'html'
        ? 'an HTML page'
        : `a document that is neither XML nor JSON feed (${contentType ?? 'no Content-Type'})`;
    return {
      kind: 'error',
      code: 'not-a-feed',
      message: `${finalUrl} returned ${what}, not a feed`,
      status: response.statusCode,
    };
  }
  return { kind: 'ok', ...cacheHints(response, finalUrl), body, contentType, fetchedBytes: bytes.length };
}

function errorResult(error: unknown, deadline: Deadline, settings: Settings): FetchResult {
  if (deadline.timedOut) {
    return { kind: 'error', code: 'timeout', message: `No complete response within ${settings.totalTimeoutMs} ms` };
  }
  if (error instanceof FeedError) {
    return { kind: 'error', code: error.code, message: error.message, ...error.details };
  }
  const nodeError = error as NodeJS.ErrnoException;
  const code = NETWORK_ERROR_CODES[nodeError.code ?? ''] ?? 'connection-failed';
  const detail = nodeError.code ? `${nodeError.code}: ${nodeError.message}` : String(nodeError.message ?? error);
  return {
    kind: 'error',
    code,
    message: code === 'dns-failure' ? `Cannot resolve the feed's host (${detail})` : `Connection failed (${detail})`,
  };
}
