import { promises as dns, lookup as dnsLookup, LookupAddress } from 'node:dns';
import { isIP, LookupFunction } from 'node:net';
import * as ipaddr from 'ipaddr.js';
import { FeedError } from './feed-errors';

/**
 * Only globally routable unicast addresses may be fetched. An allow-list of ipaddr.js's 'unicast'
 * range (rather than a deny-list) also refuses ranges that embed an IPv4 address we would
 * otherwise have to unpack: 6to4, Teredo, NAT64 (rfc6052/rfc6145).
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  // process() turns ::ffff:127.0.0.1 into 127.0.0.1 so the IPv4 ranges apply to it.
  const parsed = ipaddr.process(address);
  // IPv4-compatible forms (::/96, e.g. [::7f00:1] = [::127.0.0.1]) are deprecated (RFC 4291) and
  // ipaddr.js counts them as unicast; some stacks still route them to the IPv4 address inside.
  if (parsed.kind() === 'ipv6' && isIpv4Compatible(parsed as ipaddr.IPv6)) return false;
  return parsed.range() === 'unicast';
}

function isIpv4Compatible(address: ipaddr.IPv6): boolean {
  return address.parts.slice(0, 6).every((part) => part === 0);
}

/**
 * Public addresses plus the operator's allowed ranges (FEED_ALLOWED_NETWORKS): everything else
 * stays refused, so allowing one internal feed host does not open every private network.
 */
export function addressPolicy(allowedNetworks: readonly string[]): (address: string) => boolean {
  if (allowedNetworks.length === 0) return isPublicAddress;
  const ranges = allowedNetworks.map((range) => ipaddr.parseCIDR(range));
  return (address) => {
    if (isPublicAddress(address)) return true;
    if (!ipaddr.isValid(address)) return false;
    const parsed = ipaddr.process(address);
    return ranges.some(([base, bits]) => base.kind() === parsed.kind() && parsed.match(base, bits));
  };
}

/** Strips the brackets WHATWG URL keeps around IPv6 literals ("[::1]"). */
export function hostnameForLookup(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

function blockedAddressError(host: string, address: string): FeedError {
  return new FeedError('blocked-address', `Refusing to fetch ${host}: it resolves to ${address}, a non-public address`);
}

/** Parses a feed URL, refusing anything but http(s). Throws FeedError. */
export function parseFeedUrl(rawUrl: string): URL {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new FeedError('invalid-url', `Not a valid URL: ${JSON.stringify(rawUrl)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FeedError('unsupported-scheme', `Only http and https feeds are supported, not ${url.protocol}`);
  }
  return url;
}

export type ResolveAll = (hostname: string) => Promise<LookupAddress[]>;

export const resolveWithSystemDns: ResolveAll = (hostname) => dns.lookup(hostname, { all: true, verbatim: true });

function assertAllAllowed(host: string, addresses: LookupAddress[], isAllowed: (address: string) => boolean): void {
  const blocked = addresses.find((entry) => !isAllowed(entry.address));
  if (blocked) throw blockedAddressError(host, blocked.address);
}

/**
 * Add-time check: the URL is http(s) and every address its host resolves to is public.
 * This alone does not stop DNS rebinding; the fetcher's guarded lookup re-checks at connect time.
 */
export async function assertFeedUrlAllowed(
  rawUrl: string,
  allowPrivateNetworks: boolean,
  resolveAll: ResolveAll = resolveWithSystemDns,
  isAllowed: (address: string) => boolean = isPublicAddress,
): Promise<URL> {
  const url = parseFeedUrl(rawUrl);
  if (allowPrivateNetworks) return url;
  const host = hostnameForLookup(url);
  if (isIP(host)) {
    assertAllAllowed(host, [{ address: host, family: isIP(host) }], isAllowed);
    return url;
  }
  let addresses: LookupAddress[];
  try {
    addresses = await resolveAll(host);
  } catch (error) {
    throw new FeedError('dns-failure', `Cannot resolve ${host}: ${(error as Error).message}`);
  }
  assertAllAllowed(host, addresses, isAllowed);
  return url;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http.request/net.connect that refuses non-public answers, so the check applies to
 * the address actually connected to. Any blocked address fails the whole lookup: a host mixing
 * public and private records is either misconfigured or probing us.
 */
export function createGuardedLookup(
  baseLookup: typeof dnsLookup = dnsLookup,
  isAllowed: (address: string) => boolean = isPublicAddress,
): LookupFunction {
  const guardedLookup = (hostname: string, options: { all?: boolean }, callback: LookupCallback) => {
    baseLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const blocked = addresses.find((entry) => !isAllowed(entry.address));
      if (blocked) return callback(blockedAddressError(hostname, blocked.address), []);
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
  return guardedLookup as unknown as LookupFunction;
}
