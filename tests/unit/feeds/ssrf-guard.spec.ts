import { LookupAddress } from 'node:dns';
import { assertFeedUrlAllowed, createGuardedLookup, isPublicAddress } from '../../../src/feeds/ssrf-guard';

/** Resolves from a table: no real DNS, no real traffic. */
const fakeResolveAll =
  (table: Record<string, string[]>) =>
  async (host: string): Promise<LookupAddress[]> => {
    const addresses = table[host];
    if (!addresses) throw Object.assign(new Error(`ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.10',
    '10.0.0.1',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '255.255.255.255',
    '224.0.0.1',
    '240.0.0.1',
    '192.0.2.1',
    '198.18.0.1',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'fd12:3456::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    '2002:7f00:1::1',
    '64:ff9b::a00:1',
    'not-an-ip',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700::1111', '::ffff:8.8.8.8'])(
    'allows %s',
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );
});

describe('assertFeedUrlAllowed', () => {
  const resolveAll = fakeResolveAll({
    localhost: ['127.0.0.1', '::1'],
    'news.example': ['93.184.216.34'],
    'mixed.example': ['93.184.216.34', '10.0.0.5'],
    'metadata.example': ['169.254.169.254'],
  });

  it.each([
    'http://127.0.0.1/feed',
    'http://10.0.0.1/feed',
    'http://169.254.169.254/latest/meta-data',
    'http://[::1]/feed',
    'http://[::ffff:127.0.0.1]/feed',
    'http://100.64.0.1/feed',
    'http://0.0.0.0/feed',
    'http://localhost/feed',
    'http://mixed.example/feed',
    'http://metadata.example/feed',
  ])('refuses %s when private networks are off', async (url) => {
    await expect(assertFeedUrlAllowed(url, false, resolveAll)).rejects.toMatchObject({ code: 'blocked-address' });
  });

  it('allows a host that resolves to public addresses only', async () => {
    await expect(assertFeedUrlAllowed('https://news.example/rss', false, resolveAll)).resolves.toBeInstanceOf(URL);
  });

  it('allows loopback when private networks are on (tests, self-hosting)', async () => {
    await expect(assertFeedUrlAllowed('http://127.0.0.1:8080/feed', true, resolveAll)).resolves.toBeInstanceOf(URL);
  });

  it.each([
    ['file:///etc/passwd', 'unsupported-scheme'],
    ['gopher://news.example/', 'unsupported-scheme'],
    ['http//broken', 'invalid-url'],
    ['http://unknown.example/feed', 'dns-failure'],
  ])('refuses %s with %s', async (url, code) => {
    await expect(assertFeedUrlAllowed(url, false, resolveAll)).rejects.toMatchObject({ code });
  });
});

describe('createGuardedLookup', () => {
  const base = ((host: string, _options: unknown, callback: (err: Error | null, addresses: LookupAddress[]) => void) =>
    callback(
      null,
      host === 'good.example' ? [{ address: '93.184.216.34', family: 4 }] : [{ address: '169.254.169.254', family: 4 }],
    )) as never;

  function lookupOnce(host: string, all: boolean): Promise<unknown[]> {
    const lookup = createGuardedLookup(base) as unknown as (
      h: string,
      o: object,
      cb: (...args: unknown[]) => void,
    ) => void;
    return new Promise((resolve) => lookup(host, { all }, (...args) => resolve(args)));
  }

  it('answers like dns.lookup for public hosts, in both callback shapes', async () => {
    expect(await lookupOnce('good.example', false)).toEqual([null, '93.184.216.34', 4]);
    expect(await lookupOnce('good.example', true)).toEqual([null, [{ address: '93.184.216.34', family: 4 }]]);
  });

  it('fails the lookup when the answer is not public, so no connection is made', async () => {
    const [error] = await lookupOnce('rebound.example', false);
    expect(error).toMatchObject({ code: 'blocked-address' });
  });
});

describe('isPublicAddress: IPv6 forms that embed a private IPv4 address', () => {
  it.each([
    '::7f00:1', // IPv4-compatible 127.0.0.1, as WHATWG URL prints [::127.0.0.1]
    '::127.0.0.1',
    '::a00:1', // IPv4-compatible 10.0.0.1
    '::ffff:127.0.0.1', // IPv4-mapped
    '::ffff:7f00:1',
    '::ffff:192.168.1.1',
    '64:ff9b::7f00:1', // NAT64 of 127.0.0.1
    '64:ff9b::a00:1', // NAT64 of 10.0.0.1
    '64:ff9b::c0a8:101', // NAT64 of 192.168.1.1
    '64:ff9b:1::a00:1', // local-use NAT64 prefix (RFC 8215)
    '::ffff:0:127.0.0.1', // SIIT
    '2002:7f00:1::', // 6to4 of 127.0.0.1
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it('refuses the URL forms with brackets as the fetcher sees them', async () => {
    for (const url of ['http://[::7f00:1]/', 'http://[::127.0.0.1]/', 'http://[::ffff:127.0.0.1]:8080/feed']) {
      await expect(assertFeedUrlAllowed(url, false)).rejects.toMatchObject({ code: 'blocked-address' });
    }
  });

  it('still allows public addresses in both families', () => {
    expect(isPublicAddress('8.8.8.8')).toBe(true);
    expect(isPublicAddress('::ffff:8.8.8.8')).toBe(true);
    expect(isPublicAddress('2606:4700:4700::1111')).toBe(true);
  });
});
