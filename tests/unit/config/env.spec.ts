import { EnvError, parseEnv } from '../../../src/config/env';

describe('parseEnv', () => {
  it('gives working defaults for an empty environment', () => {
    const env = parseEnv({}, '/srv/app');
    expect(env).toMatchObject({
      port: 3000,
      databaseUrl: null,
      dataDir: '/srv/app/.data',
      feedAllowPrivateNetworks: false,
    });
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT must be an integer/],
    [{ PORT: '70000' }, /PORT must be an integer from 0 to 65535/],
    [{ FEED_ALLOW_PRIVATE_NETWORKS: 'maybe' }, /FEED_ALLOW_PRIVATE_NETWORKS must be true or false/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must use postgres: or postgresql:/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
    [{ ADMIN_TOKEN: 'short' }, /ADMIN_TOKEN must be at least 16/],
    [{ INGEST_CRON: 'every minute' }, /INGEST_CRON must be a cron expression/],
    [{ INGEST_CRON: '99 99 * * *' }, /INGEST_CRON must be a cron expression \(Field value \(99\) is out of range\)/],
    [{ DIGEST_CRON: '0 7 * * 9' }, /DIGEST_CRON must be a cron expression/],
    [{ SMTP_URL: 'http://mail' }, /SMTP_URL must use smtp: or smtps:/],
    [{ POLL_MIN_INTERVAL_MINUTES: '0' }, /POLL_MIN_INTERVAL_MINUTES must be an integer from 1 to 1440/],
    [{ POLL_MIN_INTERVAL_MINUTES: '0.5' }, /POLL_MIN_INTERVAL_MINUTES must be an integer/],
    [{ POLL_MAX_INTERVAL_HOURS: '0' }, /POLL_MAX_INTERVAL_HOURS must be an integer from 1 to 168/],
    [
      { POLL_MIN_INTERVAL_MINUTES: '120', POLL_MAX_INTERVAL_HOURS: '1' },
      /POLL_MIN_INTERVAL_MINUTES \(120\) must not exceed POLL_MAX_INTERVAL_HOURS \(1\)/,
    ],
    [{ FEED_ALLOWED_NETWORKS: '10.0.0.0/8, intranet' }, /FEED_ALLOWED_NETWORKS must be a comma-separated list of CIDR/],
    [{ METRICS_PORT: 'nine' }, /METRICS_PORT must be an integer/],
    [{ METRICS_TOKEN: 'short' }, /METRICS_TOKEN must be at least 16/],
    [{ METRICS_ENABLED: 'perhaps' }, /METRICS_ENABLED must be true or false/],
  ])('stops the start for %j, naming the variable', (input, message) => {
    expect(() => parseEnv(input)).toThrow(EnvError);
    expect(() => parseEnv(input)).toThrow(message);
  });

  it('names the variable, what it accepts and the value given, for every bad variable at once', () => {
    expect(() => parseEnv({ PORT: 'eighty', LOG_LEVEL: 'loud', DATABASE_URL: 'nonsense' })).toThrow(
      'PORT must be an integer from 0 to 65535, got "eighty"; ' +
        'DATABASE_URL must be a URL (postgres: or postgresql:), got "nonsense"; ' +
        'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"',
    );
  });

  it('never echoes a token into the error', () => {
    expect(() => parseEnv({ ADMIN_TOKEN: 'secret-ish' })).toThrow(/^ADMIN_TOKEN must be at least 16 characters long$/);
  });

  it('takes a set but empty variable as unset, and booleans in any case', () => {
    expect(parseEnv({ PORT: '', LOG_LEVEL: '', METRICS_PORT: 'OFF', TRUST_PROXY: 'YES' })).toMatchObject({
      port: 3000,
      logLevel: 'info',
      metrics: { port: null },
      trustProxy: true,
    });
  });

  it('reads the polling floor and ceiling: 15 minutes and 24 hours by default, a floor down to 1 minute', () => {
    expect(parseEnv({})).toMatchObject({ pollMinIntervalSec: 900, pollMaxIntervalSec: 86_400 });
    expect(parseEnv({ POLL_MIN_INTERVAL_MINUTES: '1', POLL_MAX_INTERVAL_HOURS: '6' })).toMatchObject({
      pollMinIntervalSec: 60,
      pollMaxIntervalSec: 21_600,
    });
  });

  it('reads booleans and lists', () => {
    const env = parseEnv({ FEED_ALLOW_PRIVATE_NETWORKS: 'true', DIGEST_EMAIL_TO: 'a@x.org, b@y.org' });
    expect(env.feedAllowPrivateNetworks).toBe(true);
    expect(env.digestEmailTo).toEqual(['a@x.org', 'b@y.org']);
  });

  it('serves metrics on a loopback listener by default; METRICS_PORT=off leaves only the token route', () => {
    expect(parseEnv({}).metrics).toEqual({ enabled: true, port: 9464, host: '127.0.0.1', token: null });
    expect(parseEnv({ METRICS_PORT: 'off' }).metrics.port).toBeNull();
    expect(parseEnv({ METRICS_PORT: '0', METRICS_TOKEN: 'x'.repeat(16) }).metrics).toMatchObject({
      port: 0,
      token: 'x'.repeat(16),
    });
  });
});
