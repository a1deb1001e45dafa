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
    [{ FEED_ALLOWED_NETWORKS: '10.0.0.0/8, intranet' }, /FEED_ALLOWED_NETWORKS must be a comma-separated list of CIDR/],
  ])('stops the start for %j, naming the variable', (input, message) => {
    expect(() => parseEnv(input)).toThrow(EnvError);
    expect(() => parseEnv(input)).toThrow(message);
  });

  it('reads booleans and lists', () => {
    const env = parseEnv({ FEED_ALLOW_PRIVATE_NETWORKS: 'true', DIGEST_EMAIL_TO: 'a@x.org, b@y.org' });
    expect(env.feedAllowPrivateNetworks).toBe(true);
    expect(env.digestEmailTo).toEqual(['a@x.org', 'b@y.org']);
  });
});
