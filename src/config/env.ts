import { validateCronExpression } from 'cron';
import { availableParallelism } from 'node:os';
import { DEFAULT_PROPOSAL_THRESHOLD, DEFAULT_RETRAIN_MIN_DECISIONS } from '../tagging/model-settings';
import * as ipaddr from 'ipaddr.js';

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

function str(env: Source, name: string, fallback: string): string {
  const value = env[name];
  return value === undefined || value === '' ? fallback : value;
}

function optional(env: Source, name: string): string | null {
  const value = env[name];
  return value === undefined || value === '' ? null : value;
}

function int(env: Source, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new EnvError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function bool(env: Source, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
  if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
  throw new EnvError(`${name} must be true or false, got "${raw}"`);
}

function oneOf<T extends string>(env: Source, name: string, allowed: readonly T[], fallback: T): T {
  const raw = str(env, name, fallback);
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new EnvError(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

function url(env: Source, name: string, protocols: string[]): string | null {
  const raw = optional(env, name);
  if (raw === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new EnvError(`${name} must be a URL (${protocols.join(' or ')}), got "${raw}"`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new EnvError(`${name} must use ${protocols.join(' or ')}, got "${parsed.protocol}"`);
  }
  return raw;
}

function fraction(env: Source, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || value >= 1) {
    throw new EnvError(`${name} must be a number between 0 and 1 (exclusive), got "${raw}"`);
  }
  return value;
}

function cidrList(env: Source, name: string): string[] {
  const raw = optional(env, name);
  if (raw === null) return [];
  const ranges = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const range of ranges) {
    try {
      ipaddr.parseCIDR(range);
    } catch {
      throw new EnvError(`${name} must be a comma-separated list of CIDR ranges (e.g. 10.1.0.0/16), got "${range}"`);
    }
  }
  return ranges;
}

/** Checked by the cron package @nestjs/schedule runs the jobs with, so what passes here runs there. */
function cron(env: Source, name: string, fallback: string): string {
  const value = str(env, name, fallback);
  const { valid, error } = validateCronExpression(value);
  if (!valid) {
    throw new EnvError(`${name} must be a cron expression (${error?.message ?? 'not understood'}), got "${value}"`);
  }
  return value;
}

/** A floor above the ceiling would leave no valid interval: say so at start, naming both. */
function pollIntervals(env: Source): { pollMinIntervalSec: number; pollMaxIntervalSec: number } {
  const minMinutes = int(env, 'POLL_MIN_INTERVAL_MINUTES', 15, 1, 1440);
  const maxHours = int(env, 'POLL_MAX_INTERVAL_HOURS', 24, 1, 168);
  if (minMinutes > maxHours * 60) {
    throw new EnvError(
      `POLL_MIN_INTERVAL_MINUTES (${minMinutes}) must not exceed POLL_MAX_INTERVAL_HOURS (${maxHours}) in minutes`,
    );
  }
  return { pollMinIntervalSec: minMinutes * 60, pollMaxIntervalSec: maxHours * 3600 };
}

export function parseEnv(env: Source = process.env, cwd = process.cwd()): AppEnv {
  const adminToken = optional(env, 'ADMIN_TOKEN');
  if (adminToken !== null && adminToken.length < 16) {
    throw new EnvError('ADMIN_TOKEN must be at least 16 characters long');
  }
  const emailTo = optional(env, 'DIGEST_EMAIL_TO');
  return {
    nodeEnv: oneOf(env, 'NODE_ENV', ['development', 'production', 'test'] as const, 'production'),
    port: int(env, 'PORT', 3000, 0, 65535),
    host: str(env, 'HOST', '0.0.0.0'),
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    dataDir: str(env, 'DATA_DIR', `${cwd}/.data`),
    embeddedPgPort: int(env, 'EMBEDDED_PG_PORT', 54329, 1024, 65535),
    adminToken,
    feedAllowPrivateNetworks: bool(env, 'FEED_ALLOW_PRIVATE_NETWORKS', false),
    feedAllowedNetworks: cidrList(env, 'FEED_ALLOWED_NETWORKS'),
    loadDefaultFeeds: bool(env, 'LOAD_DEFAULT_FEEDS', true),
    schedulerEnabled: bool(env, 'SCHEDULER_ENABLED', true),
    ingestCron: cron(env, 'INGEST_CRON', '*/10 * * * *'),
    digestCron: cron(env, 'DIGEST_CRON', '0 7 * * 1'),
    modelEnabled: bool(env, 'MODEL_ENABLED', true),
    modelProposalThreshold: fraction(env, 'MODEL_PROPOSAL_THRESHOLD', DEFAULT_PROPOSAL_THRESHOLD),
    modelRetrainMinDecisions: int(env, 'MODEL_RETRAIN_MIN_DECISIONS', DEFAULT_RETRAIN_MIN_DECISIONS, 1, 1_000_000),
    modelRetrainCron: cron(env, 'MODEL_RETRAIN_CRON', '30 3 * * *'),
    fetchConcurrency: int(env, 'FETCH_CONCURRENCY', 16, 1, 256),
    fetchPerHostConcurrency: int(env, 'FETCH_PER_HOST_CONCURRENCY', 2, 1, 64),
    feedParseThreads: int(env, 'FEED_PARSE_THREADS', defaultParseThreads(), 0, 64),
    fetchTimeoutMs: int(env, 'FETCH_TIMEOUT_MS', 20000, 100, 300000),
    maxFeedBytes: int(env, 'MAX_FEED_BYTES', 15 * 1024 * 1024, 1024, 512 * 1024 * 1024),
    publicBaseUrl:
      url(env, 'PUBLIC_BASE_URL', ['http:', 'https:']) ?? `http://localhost:${int(env, 'PORT', 3000, 0, 65535)}`,
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    digestEmailTo: emailTo
      ? emailTo
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : [],
    digestEmailFrom: str(env, 'DIGEST_EMAIL_FROM', 'trend-scorecard@localhost'),
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    adminRateLimitPerMinute: int(env, 'ADMIN_RATE_LIMIT_PER_MINUTE', 600, 1, 1000000),
    authFailuresPerMinute: int(env, 'AUTH_FAILURES_PER_MINUTE', 10, 1, 10000),
    importDir: str(env, 'IMPORT_DIR', `${cwd}/imports`),
    importPageDelayMs: int(env, 'IMPORT_PAGE_DELAY_MS', 1000, 0, 600000),
    importMaxPages: int(env, 'IMPORT_MAX_PAGES', 500, 1, 100000),
    trustProxy: bool(env, 'TRUST_PROXY', false),
    webSessionHours: int(env, 'WEB_SESSION_HOURS', 12, 1, 24 * 30),
    signInAttemptsPer15Minutes: int(env, 'SIGN_IN_ATTEMPTS_PER_15_MINUTES', 10, 1, 10000),
    ...pollIntervals(env),
    metrics: metricsSettings(env),
    readCache: {
      maxAgeSeconds: int(env, 'READ_CACHE_MAX_AGE_SECONDS', 10, 0, 3600),
      lagMs: int(env, 'READ_CACHE_LAG_MS', 2000, 0, 600_000),
    },
  };
}

function metricsSettings(env: Source): MetricsSettings {
  const token = optional(env, 'METRICS_TOKEN');
  if (token !== null && token.length < 16) throw new EnvError('METRICS_TOKEN must be at least 16 characters long');
  const portOff = str(env, 'METRICS_PORT', '').toLowerCase() === 'off';
  return {
    enabled: bool(env, 'METRICS_ENABLED', true),
    port: portOff ? null : int(env, 'METRICS_PORT', 9464, 0, 65535),
    host: str(env, 'METRICS_HOST', '127.0.0.1'),
    token,
  };
}
