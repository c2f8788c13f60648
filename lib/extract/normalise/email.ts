import { parse } from 'tldts';
import { cleanEmail } from '../text';

/** Reserved for documentation and tests (RFC 2606, RFC 6761): valid in fixtures, never a real mailbox. */
const RESERVED_TLDS = new Set(['test', 'example', 'invalid']);
/** File names that look like addresses: `logo@2x.png`. */
const ASSET = /\.(?:png|jpe?g|gif|svg|webp|avif|ico|bmp|css|js|mjs|json|woff2?|ttf|map)$/i;

/**
 * A lower-cased, deliverable-looking email address, or ''. The domain must end in a real public suffix (tldts,
 * the Public Suffix List) or a reserved test TLD; international domains are kept in their Unicode form.
 */
export function normaliseEmail(raw: unknown): string {
  const email = cleanEmail(raw);
  if (!email) return '';
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (ASSET.test(domain) || local.startsWith('.') || local.endsWith('.') || local.includes('..')) return '';
  let ascii = domain;
  try {
    ascii = new URL(`http://${domain}`).hostname;
  } catch {
    return '';
  }
  const info = parse(ascii);
  if (info.isIp || !info.domain) return '';
  const tld = (info.publicSuffix ?? '').split('.').pop() ?? '';
  return info.isIcann || RESERVED_TLDS.has(tld) ? email : '';
}
