// Which agent URLs may be registered and dialled, per deployment settings.
import { lookup } from 'node:dns/promises';
import { classifyAddress, isIpLiteral, type AddressClass } from './ip-ranges.ts';

/** The deployment switches that relax the URL checks. */
export interface UrlPolicy {
  /** `MOLECULE_ENV` is development: the A2A proxy may dial loopback and private agents. */
  development: boolean;
  /** SaaS mode (`MOLECULE_ORG_ID` set): private addresses are allowed. */
  saas: boolean;
}

async function addressesOf(host: string): Promise<string[] | undefined> {
  if (isIpLiteral(host)) return [host.replace(/^\[|\]$/g, '')];
  try {
    return (await lookup(host, { all: true })).map((entry) => entry.address);
  } catch {
    return undefined;
  }
}

function parseHttpUrl(text: string): URL | undefined {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The register handler's agent URL check: http(s) only; loopback, link-local and reserved
 * literals always refused; private ranges only in SaaS mode; `localhost` accepted without a
 * lookup; other names must resolve and every address must pass. Dev mode does not relax it.
 */
export async function isRegistrableAgentUrl(text: string, policy: UrlPolicy): Promise<boolean> {
  const url = parseHttpUrl(text);
  if (!url) return false;
  if (url.hostname === 'localhost') return true;
  const addresses = await addressesOf(url.hostname);
  if (!addresses || addresses.length === 0) return false;
  return addresses.every((address) => {
    const kind = classifyAddress(address);
    return kind === 'public' || (kind === 'private' && policy.saas);
  });
}

function proxyMayDial(kind: AddressClass, policy: UrlPolicy): boolean {
  if (kind === 'public') return true;
  if (kind === 'loopback') return policy.development;
  if (kind === 'private') return policy.development || policy.saas;
  return false;
}

/**
 * The A2A proxy's SSRF check on a stored agent URL: loopback only in development, private
 * ranges in development or SaaS, metadata/TEST-NET/CGNAT never. A failed lookup fails the check.
 */
export async function isDialableAgentUrl(text: string, policy: UrlPolicy): Promise<boolean> {
  const url = parseHttpUrl(text);
  if (!url) return false;
  const addresses = await addressesOf(url.hostname);
  if (!addresses || addresses.length === 0) return false;
  return addresses.every((address) => proxyMayDial(classifyAddress(address), policy));
}
