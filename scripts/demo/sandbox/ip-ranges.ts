// Classifies IP literals (loopback, private, link-local, public) for the URL checks.
import { BlockList, isIP } from 'node:net';

/** What kind of address an IP literal is, for the register and A2A proxy URL checks. */
export type AddressClass = 'loopback' | 'link-local' | 'private' | 'reserved' | 'public';

function blockList(ranges: Array<[string, number, 'ipv4' | 'ipv6']>): BlockList {
  const list = new BlockList();
  for (const [network, prefix, family] of ranges) list.addSubnet(network, prefix, family);
  return list;
}

const LOOPBACK = blockList([
  ['127.0.0.0', 8, 'ipv4'],
  ['::1', 128, 'ipv6'],
]);
const LINK_LOCAL = blockList([
  ['169.254.0.0', 16, 'ipv4'],
  ['fe80::', 10, 'ipv6'],
]);
// RFC 1918 plus fd00::/8: allowed only in SaaS mode (register) or dev/SaaS mode (proxy).
const PRIVATE = blockList([
  ['10.0.0.0', 8, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['fd00::', 8, 'ipv6'],
]);
// TEST-NETs, CGNAT, multicast, fc00::/8 and the IPv6 documentation range are never accepted.
const RESERVED = blockList([
  ['192.0.2.0', 24, 'ipv4'],
  ['198.51.100.0', 24, 'ipv4'],
  ['203.0.113.0', 24, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'],
  ['224.0.0.0', 4, 'ipv4'],
  ['fc00::', 8, 'ipv6'],
  ['2001:db8::', 32, 'ipv6'],
]);

/** Classifies an IP literal (IPv4 or IPv6, brackets allowed). */
export function classifyAddress(address: string): AddressClass {
  const ip = address.replace(/^\[|\]$/g, '');
  const family = isIP(ip) === 6 ? 'ipv6' : 'ipv4';
  if (LOOPBACK.check(ip, family)) return 'loopback';
  if (LINK_LOCAL.check(ip, family)) return 'link-local';
  if (PRIVATE.check(ip, family)) return 'private';
  if (RESERVED.check(ip, family)) return 'reserved';
  return 'public';
}

/** True for an IP literal (brackets allowed), false for a host name. */
export function isIpLiteral(host: string): boolean {
  return isIP(host.replace(/^\[|\]$/g, '')) !== 0;
}
