// Only HTTPS may carry an API key over the network. Plain HTTP is accepted for literal
// loopback addresses only, so tests and the local "Sandbox" emulator work without
// certificates. Names are not loopback: `localhost` and `*.localhost` go through the
// resolver (hosts file, DNS), which the workspace does not control.
import { portalError } from './errors';

export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  // IPv4-mapped IPv6 loopback, e.g. ::ffff:127.0.0.1 (URL normalises it to ::ffff:7f00:1).
  if (/^::ffff:(127\.|7f[0-9a-f]{2}:)/.test(h)) return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** Parse and check a URL; throws PortalError('unsafe-url') for anything but https or loopback http. */
export function assertSafeUrl(raw: string): URL {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw portalError('unsafe-url', { en: `not a valid URL: ${raw}`, fr: `URL invalide : ${raw}` });
  }
  if (u.username || u.password) {
    throw portalError('unsafe-url', { en: 'credentials in the URL are not allowed', fr: 'identifiants interdits dans l’URL' });
  }
  if (u.protocol === 'https:') return u;
  if (u.protocol === 'http:' && isLoopbackHost(u.hostname)) return u;
  throw portalError('unsafe-url', `${u.protocol}//${u.host}`);
}

/**
 * `openData.dataGouvUrl` may name www or demo data.gouv.fr exactly (not
 * `https://www.data.gouv.fr.evil.com`), or a literal loopback address for tests.
 */
export function isDataGouvSetting(setting: string | undefined): boolean {
  let u: URL;
  try {
    u = new URL((setting ?? '').trim());
  } catch {
    return false;
  }
  if (u.username || u.password || u.search || u.hash || !/^\/?$/.test(u.pathname)) return false;
  if (u.protocol === 'https:') return !u.port && (u.hostname === 'www.data.gouv.fr' || u.hostname === 'demo.data.gouv.fr');
  return u.protocol === 'http:' && isLoopbackHost(u.hostname);
}

/** For links shown or opened (dataset pages, resource URLs from the portal or the project file). */
export function isSafeLink(raw: string | undefined): boolean {
  if (!raw) return false;
  try {
    assertSafeUrl(raw);
    return true;
  } catch {
    return false;
  }
}

/** Site root without trailing slash or API suffix: "https://x/api/1/" -> "https://x". */
export function siteRoot(baseUrl: string, apiSuffix: RegExp): string {
  const u = assertSafeUrl(baseUrl);
  const path = u.pathname.replace(/\/+$/, '').replace(apiSuffix, '');
  return `${u.origin}${path}`;
}
