import { validateCronExpression } from 'cron';
import * as ipaddr from 'ipaddr.js';
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { DEFAULT_PROPOSAL_THRESHOLD, DEFAULT_RETRAIN_MIN_DECISIONS } from '../tagging/model-settings';

/**
 * Environment parsed and typed once at boot. A wrong value stops the start with a message that
 * names the variable and what it accepts, instead of failing later somewhere deep in a job.
 */
export interface AppEnv {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string | null;
  dataDir: string;
  embeddedPgPort: number;
  adminToken: string | null;
  feedAllowPrivateNetworks: boolean;
  /** CIDR ranges fetched even while private networks are refused (an internal feed host); empty by default. */
  feedAllowedNetworks: string[];
  loadDefaultFeeds: boolean;
  schedulerEnabled: boolean;
  ingestCron: string;
  digestCron: string;
  fetchConcurrency: number;
  fetchPerHostConcurrency: number;
  /** Worker threads that parse fetched feeds; 0 parses on the main thread. */
  feedParseThreads: number;
  fetchTimeoutMs: number;
  maxFeedBytes: number;
  publicBaseUrl: string;
  smtpUrl: string | null;
  digestEmailTo: string[];
  digestEmailFrom: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  adminRateLimitPerMinute: number;
  /** The learned second stage of tagging (README "Tagging"): proposals go to review as pending. */
  modelEnabled: boolean;
  modelProposalThreshold: number;
  modelRetrainMinDecisions: number;
  modelRetrainCron: string;
  /** Failed bearer tokens per client address per minute before that address gets 429 for a minute. */
  authFailuresPerMinute: number;
  /** Where `POST /api/admin/imports` may read files from (paths are resolved inside it). */
  importDir: string;
  /** Pause between two pages of a feed's history (politeness towards the publisher). */
  importPageDelayMs: number;
  /** Most pages followed back through one feed's history. */
  importMaxPages: number;
  /** Trust X-Forwarded-* from a reverse proxy (TLS terminated there): Secure cookies, client address. */
  trustProxy: boolean;
  /** Lifetime of a review-desk sign-in. */
  webSessionHours: number;
  /** Sign-in attempts allowed per client address in 15 minutes. */
  signInAttemptsPer15Minutes: number;
  /** Floor and ceiling of a feed's polling interval, in seconds (POLL_MIN_INTERVAL_MINUTES, POLL_MAX_INTERVAL_HOURS). */
  pollMinIntervalSec: number;
  pollMaxIntervalSec: number;
  metrics: MetricsSettings;
  /** How long public read answers are kept (READ_CACHE_MAX_AGE_SECONDS, 0: off) and served after the data changed (READ_CACHE_LAG_MS). */
  readCache: { maxAgeSeconds: number; lagMs: number };
}

/** Where Prometheus metrics are served; never on the public surface unless a token is set. */
export interface MetricsSettings {
  enabled: boolean;
  /** Separate listener for /metrics; null: none. 0 picks a free port (tests). */
  port: number | null;
  host: string;
  /** When set, /metrics on the main port answers to `Authorization: Bearer <token>`. */
  token: string | null;
}

export class EnvError extends Error {}

type Source = Record<string, string | undefined>;

/**
 * One core is the main thread's (fetching, storing, the API); the others may parse, up to
 * MAX_DEFAULT_PARSE_THREADS: more threads than cores only adds switching (README, ingestion
 * benchmark), and a container may see the host's cores, not its quota.
 */
const MAX_DEFAULT_PARSE_THREADS = 4;

function defaultParseThreads(): number {
  return Math.min(MAX_DEFAULT_PARSE_THREADS, Math.max(1, availableParallelism() - 1));
}

/** Variables whose value must never be echoed into a start-up error (it goes to logs). */
const SECRETS = new Set(['ADMIN_TOKEN', 'METRICS_TOKEN']);

/** Set but empty (`PORT=` in a compose file) means the default, as unset does. */
const emptyIsUnset = (value: unknown): unknown => (value === '' ? undefined : value);

function str(fallback: string) {
  return z.preprocess(emptyIsUnset, z.string().default(fallback));
}

function optional() {
  return z.preprocess(emptyIsUnset, z.string().nullable().default(null));
}

function secret() {
  return z.preprocess(
    emptyIsUnset,
    z.string().min(16, { error: 'must be at least 16 characters long' }).nullable().default(null),
  );
}

function int(fallback: number | (() => number), min: number, max: number) {
  const error = `must be an integer from ${min} to ${max}`;
  return z.preprocess(
    emptyIsUnset,
    z.coerce
      .number({ error })
      .int({ error })
      .min(min, { error })
      .max(max, { error })
      .default(typeof fallback === 'function' ? fallback : () => fallback),
  );
}

function bool(fallback: boolean) {
  return z.preprocess(
    emptyIsUnset,
    z
      .stringbool({ truthy: ['true', '1', 'yes'], falsy: ['false', '0', 'no'], error: 'must be true or false' })
      .default(fallback),
  );
}

function oneOf<const T extends readonly [string, ...string[]]>(allowed: T, fallback: T[number]) {
  return z.preprocess(
    emptyIsUnset,
    z.enum(allowed, { error: `must be one of ${allowed.join(', ')}` }).default(fallback),
  );
}

/** `protocols` without their colon; the messages tell a value that is no URL from one of another scheme. */
function url(protocols: string[]) {
  const names = protocols.map((p) => `${p}:`).join(' or ');
  const schema = z.url({
    protocol: new RegExp(`^(?:${protocols.join('|')})$`),
    error: (issue) => (URL.canParse(String(issue.input)) ? `must use ${names}` : `must be a URL (${names})`),
  });
  return z.preprocess(emptyIsUnset, schema.nullable().default(null));
}

function fraction(fallback: number) {
  const error = 'must be a number between 0 and 1 (exclusive)';
  return z.preprocess(emptyIsUnset, z.coerce.number({ error }).gt(0, { error }).lt(1, { error }).default(fallback));
}

/**
 * Checked with ipaddr.js, the parser the SSRF policy (ssrf-guard.ts) reads the ranges with, so
 * every range that passes here is one the policy understands; zod's cidrv4/v6 accept other forms.
 */
function cidrList() {
  return optional().transform((raw, ctx) => {
    const ranges = (raw ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const bad = ranges.find((range) => !isCidr(range));
    if (bad !== undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `must be a comma-separated list of CIDR ranges (e.g. 10.1.0.0/16), not "${bad}"`,
      });
    }
    return ranges;
  });
}

function isCidr(range: string): boolean {
  try {
    ipaddr.parseCIDR(range);
    return true;
  } catch {
    return false;
  }
}

/** Checked by the cron package @nestjs/schedule runs the jobs with, so what passes here runs there. */
function cron(fallback: string) {
  return str(fallback).check((ctx) => {
    const { valid, error } = validateCronExpression(ctx.value);
    if (!valid) {
      ctx.issues.push({
        code: 'custom',
        message: `must be a cron expression (${error?.message ?? 'not understood'})`,
        input: ctx.value,
      });
    }
  });
}

function list() {
  return optional().transform((raw) =>
    (raw ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

/** The environment variables, each with its default and what it accepts. */
function variables(cwd: string) {
  return z
    .object({
      NODE_ENV: oneOf(['development', 'production', 'test'], 'production'),
      PORT: int(3000, 0, 65535),
      HOST: str('0.0.0.0'),
      DATABASE_URL: url(['postgres', 'postgresql']),
      DATA_DIR: str(`${cwd}/.data`),
      EMBEDDED_PG_PORT: int(54329, 1024, 65535),
      ADMIN_TOKEN: secret(),
      FEED_ALLOW_PRIVATE_NETWORKS: bool(false),
      FEED_ALLOWED_NETWORKS: cidrList(),
      LOAD_DEFAULT_FEEDS: bool(true),
      SCHEDULER_ENABLED: bool(true),
      INGEST_CRON: cron('*/10 * * * *'),
      DIGEST_CRON: cron('0 7 * * 1'),
      MODEL_ENABLED: bool(true),
      MODEL_PROPOSAL_THRESHOLD: fraction(DEFAULT_PROPOSAL_THRESHOLD),
      MODEL_RETRAIN_MIN_DECISIONS: int(DEFAULT_RETRAIN_MIN_DECISIONS, 1, 1_000_000),
      MODEL_RETRAIN_CRON: cron('30 3 * * *'),
      FETCH_CONCURRENCY: int(16, 1, 256),
      FETCH_PER_HOST_CONCURRENCY: int(2, 1, 64),
      FEED_PARSE_THREADS: int(defaultParseThreads, 0, 64),
      FETCH_TIMEOUT_MS: int(20000, 100, 300000),
      MAX_FEED_BYTES: int(15 * 1024 * 1024, 1024, 512 * 1024 * 1024),
      PUBLIC_BASE_URL: url(['http', 'https']),
      SMTP_URL: url(['smtp', 'smtps']),
      DIGEST_EMAIL_TO: list(),
      DIGEST_EMAIL_FROM: str('trend-scorecard@localhost'),
      LOG_LEVEL: oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'info'),
      ADMIN_RATE_LIMIT_PER_MINUTE: int(600, 1, 1000000),
      AUTH_FAILURES_PER_MINUTE: int(10, 1, 10000),
      IMPORT_DIR: str(`${cwd}/imports`),
      IMPORT_PAGE_DELAY_MS: int(1000, 0, 600000),
      IMPORT_MAX_PAGES: int(500, 1, 100000),
      TRUST_PROXY: bool(false),
      WEB_SESSION_HOURS: int(12, 1, 24 * 30),
      SIGN_IN_ATTEMPTS_PER_15_MINUTES: int(10, 1, 10000),
      POLL_MIN_INTERVAL_MINUTES: int(15, 1, 1440),
      POLL_MAX_INTERVAL_HOURS: int(24, 1, 168),
      METRICS_ENABLED: bool(true),
      // "off": no separate listener, only the token route on the main port.
      METRICS_PORT: z.preprocess(
        (value) => (typeof value === 'string' && value.toLowerCase() === 'off' ? null : value),
        int(9464, 0, 65535).nullable(),
      ),
      METRICS_HOST: str('127.0.0.1'),
      METRICS_TOKEN: secret(),
      READ_CACHE_MAX_AGE_SECONDS: int(10, 0, 3600),
      READ_CACHE_LAG_MS: int(2000, 0, 600_000),
    })
    .check((ctx) => {
      // A floor above the ceiling would leave no valid interval: say so at start, naming both.
      const { POLL_MIN_INTERVAL_MINUTES: minMinutes, POLL_MAX_INTERVAL_HOURS: maxHours } = ctx.value;
      if (minMinutes > maxHours * 60) {
        ctx.issues.push({
          code: 'custom',
          message: `POLL_MIN_INTERVAL_MINUTES (${minMinutes}) must not exceed POLL_MAX_INTERVAL_HOURS (${maxHours}) in minutes`,
          input: ctx.value,
        });
      }
    });
}

/** "NAME must ..., got "value"" per bad variable: the name, what it accepts, and what it was given. */
function describe(issues: z.core.$ZodIssue[], env: Source): string {
  return issues
    .map((issue) => {
      const name = issue.path[0];
      if (typeof name !== 'string') return issue.message;
      return SECRETS.has(name) ? `${name} ${issue.message}` : `${name} ${issue.message}, got "${env[name]}"`;
    })
    .join('; ');
}

export function parseEnv(env: Source = process.env, cwd = process.cwd()): AppEnv {
  const parsed = variables(cwd).safeParse(env);
  if (!parsed.success) throw new EnvError(describe(parsed.error.issues, env));
  const v = parsed.data;
  return {
    nodeEnv: v.NODE_ENV,
    port: v.PORT,
    host: v.HOST,
    databaseUrl: v.DATABASE_URL,
    dataDir: v.DATA_DIR,
    embeddedPgPort: v.EMBEDDED_PG_PORT,
    adminToken: v.ADMIN_TOKEN,
    feedAllowPrivateNetworks: v.FEED_ALLOW_PRIVATE_NETWORKS,
    feedAllowedNetworks: v.FEED_ALLOWED_NETWORKS,
    loadDefaultFeeds: v.LOAD_DEFAULT_FEEDS,
    schedulerEnabled: v.SCHEDULER_ENABLED,
    ingestCron: v.INGEST_CRON,
    digestCron: v.DIGEST_CRON,
    modelEnabled: v.MODEL_ENABLED,
    modelProposalThreshold: v.MODEL_PROPOSAL_THRESHOLD,
    modelRetrainMinDecisions: v.MODEL_RETRAIN_MIN_DECISIONS,
    modelRetrainCron: v.MODEL_RETRAIN_CRON,
    fetchConcurrency: v.FETCH_CONCURRENCY,
    fetchPerHostConcurrency: v.FETCH_PER_HOST_CONCURRENCY,
    feedParseThreads: v.FEED_PARSE_THREADS,
    fetchTimeoutMs: v.FETCH_TIMEOUT_MS,
    maxFeedBytes: v.MAX_FEED_BYTES,
    publicBaseUrl: v.PUBLIC_BASE_URL ?? `http://localhost:${v.PORT}`,
    smtpUrl: v.SMTP_URL,
    digestEmailTo: v.DIGEST_EMAIL_TO,
    digestEmailFrom: v.DIGEST_EMAIL_FROM,
    logLevel: v.LOG_LEVEL,
    adminRateLimitPerMinute: v.ADMIN_RATE_LIMIT_PER_MINUTE,
    authFailuresPerMinute: v.AUTH_FAILURES_PER_MINUTE,
    importDir: v.IMPORT_DIR,
    importPageDelayMs: v.IMPORT_PAGE_DELAY_MS,
    importMaxPages: v.IMPORT_MAX_PAGES,
    trustProxy: v.TRUST_PROXY,
    webSessionHours: v.WEB_SESSION_HOURS,
    signInAttemptsPer15Minutes: v.SIGN_IN_ATTEMPTS_PER_15_MINUTES,
    pollMinIntervalSec: v.POLL_MIN_INTERVAL_MINUTES * 60,
    pollMaxIntervalSec: v.POLL_MAX_INTERVAL_HOURS * 3600,
    metrics: { enabled: v.METRICS_ENABLED, port: v.METRICS_PORT, host: v.METRICS_HOST, token: v.METRICS_TOKEN },
    readCache: { maxAgeSeconds: v.READ_CACHE_MAX_AGE_SECONDS, lagMs: v.READ_CACHE_LAG_MS },
  };
}
