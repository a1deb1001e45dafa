/**
 * Stable error codes for everything that can go wrong while fetching and parsing a feed.
 * They are stored with each fetch log, so never rename one: add a new code instead.
 */
export type FeedErrorCode =
  | 'invalid-url'
  | 'unsupported-scheme'
  | 'blocked-address'
  | 'dns-failure'
  | 'connection-failed'
  | 'timeout'
  | 'aborted'
  | 'too-many-redirects'
  | 'too-large'
  | 'decompression-failed'
  | 'rate-limited'
  | 'http-error'
  | 'not-a-feed'
  | 'parse-error';

/** An Error that carries one of the stable codes; thrown inside the fetch pipeline, never out of fetchFeed. */
export class FeedError extends Error {
  override readonly name = 'FeedError';

  constructor(
    readonly code: FeedErrorCode,
    message: string,
    readonly details: { status?: number; retryAfterSec?: number } = {},
  ) {
    super(message);
  }
}

/** 'not-a-feed' (HTML, unknown root) or 'parse-error' (broken feed). */
export type FeedParseErrorCode = 'not-a-feed' | 'parse-error';

/** Thrown by parseFeed. */
export class FeedParseError extends FeedError {
  constructor(code: FeedParseErrorCode, message: string) {
    super(code, message);
  }
}
