import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decodeFeedBytes } from '../../src/feeds/charset';
import { projectRoot } from '../../src/common/project-root';
import { FeedServer, startFeedServer } from './feed-server';

/**
 * The shared corpus of feeds copied from six parsers' test suites (see its README.md). It sits
 * beside the clone on developer and CI machines, never in a user's clone: FEED_CORPUS_DIR names it,
 * else ../shared/feed-corpus is tried. Where it is absent the corpus suites are skipped (one line,
 * printed by tests/support/corpus-global-setup.ts), unless REQUIRE_FEED_CORPUS=1 (CI) makes that a
 * failure. tests/integration/feeds/hostile-feeds.spec.ts covers what the corpus proves without it.
 */
export const FEED_CORPUS_DIR = locateFeedCorpus();

export function locateFeedCorpus(env: NodeJS.ProcessEnv = process.env): string | null {
  const dir = env.FEED_CORPUS_DIR || join(projectRoot(), '..', 'shared', 'feed-corpus');
  if (existsSync(join(dir, 'CLASSIFICATION.tsv'))) return dir;
  if (env.REQUIRE_FEED_CORPUS === '1')
    throw new Error(`feed corpus not found at ${dir} and REQUIRE_FEED_CORPUS=1: set FEED_CORPUS_DIR to it`);
  return null;
}

function corpusDir(): string {
  if (!FEED_CORPUS_DIR) throw new Error('feed corpus not found: set FEED_CORPUS_DIR');
  return FEED_CORPUS_DIR;
}

export interface CorpusEntry {
  path: string;
  gzipped: boolean;
  expatWellFormed: boolean;
  expatVerdict: string;
  feedparserExpect: string;
}

/** Every feed file of the corpus, as listed in CLASSIFICATION.tsv (which excludes docs and licences). */
export function listCorpusEntries(): CorpusEntry[] {
  if (!FEED_CORPUS_DIR) return []; // the suites that list it are skipped; jest still collects their bodies
  const rows = readFileSync(join(corpusDir(), 'CLASSIFICATION.tsv'), 'utf8').trim().split('\n').slice(1);
  return rows.map((row) => {
    const [path, , compressed, expat, expect] = row.split('\t');
    return {
      path,
      gzipped: compressed === 'gzip',
      expatWellFormed: expat === 'ok',
      expatVerdict: expat,
      feedparserExpect: expect ?? '',
    };
  });
}

function readCorpusBytes(entry: CorpusEntry): Buffer {
  return readFileSync(join(corpusDir(), entry.path));
}

/** feedparser's fixtures carry the HTTP headers they expect in a `Header:` line of their top comment. */
function headersFromFixtureComment(bytes: Buffer): Record<string, string> {
  const comment = /<!--([\s\S]*?)-->/.exec(bytes.subarray(0, 2048).toString('latin1'))?.[1] ?? '';
  const headers: Record<string, string> = {};
  for (const match of comment.matchAll(/^Header:\s*([\w-]+):\s*(.+?)\s*$/gim)) {
    headers[match[1].toLowerCase()] = match[2];
  }
  return headers;
}

function contentTypeForPath(path: string): string {
  if (path.endsWith('.json')) return 'application/feed+json';
  if (path.endsWith('.html')) return 'text/html';
  return 'application/xml';
}

/** Decoded text as the fetcher would hand it to the parser (used where no HTTP round trip is wanted). */
export function decodeCorpusEntry(entry: CorpusEntry): string {
  const raw = readCorpusBytes(entry);
  const bytes = entry.gzipped ? gunzipSync(raw) : raw;
  const headers = headersFromFixtureComment(bytes);
  return decodeFeedBytes(bytes, headers['content-type'] ?? contentTypeForPath(entry.path)).text;
}

/** Serves every corpus file at /<its path>, with its fixture headers and gzip encoding where captured so. */
export function serveCorpus(): Promise<FeedServer> {
  const byPath = new Map(listCorpusEntries().map((entry) => [`/${entry.path}`, entry]));
  return startFeedServer((request, response) => {
    const entry = byPath.get(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    if (!entry) return void response.writeHead(404).end();
    const bytes = readCorpusBytes(entry);
    const fixtureHeaders = entry.gzipped ? {} : headersFromFixtureComment(bytes);
    const headers = {
      'content-type': contentTypeForPath(entry.path),
      ...fixtureHeaders,
      ...(entry.gzipped ? { 'content-encoding': 'gzip' } : {}),
    };
    response.writeHead(200, headers).end(bytes);
  });
}
