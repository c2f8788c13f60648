import { CandidateBuilder } from '../candidate';
import { describe } from '../dom';
import type { RawCandidate } from '../types';
import type { Address } from './addresses';
import { readBody, segmentSignature } from './body';
import type { Signature } from './signature';

/** One message of a thread as a mail client shows it: sender, recipients, body element. */
export interface ShownMessage {
  from: Address | null;
  fromEl: Element | null;
  to: Address[];
  body: Element | null;
}

function addSignature(b: CandidateBuilder, sig: Signature, at: string): void {
  b.set('jobTitle', sig.jobTitle, `${at} signature`, 0.7);
  b.set('company', sig.company, `${at} signature`, 0.65);
  for (const e of sig.emails) b.add('emails', e, `${at} signature`, 0.6);
  for (const p of sig.phones) b.add('phones', p, `${at} signature`, 0.7);
  if (sig.linkedinUrl) b.set('linkedinUrl', sig.linkedinUrl, `${at} signature`, 0.7);
  for (const u of sig.urls) b.add('urls', u, `${at} signature`, 0.6);
}

/** Consumer mail domains: sharing one with the rep does not make someone a colleague. */
const PERSONAL_DOMAINS =
  /^(?:gmail|googlemail|outlook|hotmail|live|msn|yahoo|ymail|icloud|me|aol|proton|protonmail|gmx|yandex|zoho)\./;

/** The rep and their colleagues (same work domain): never prospects. */
function selfMatcher(self: ReadonlySet<string>): (a: Address | null) => boolean {
  const domains = new Set<string>();
  for (const e of self) {
    const d = e.split('@')[1] ?? '';
    if (d && !PERSONAL_DOMAINS.test(d)) domains.add(d);
  }
  return (a) => {
    const email = a?.email.toLowerCase() ?? '';
    return !!email && (self.has(email) || domains.has(email.split('@')[1] ?? ''));
  };
}

/**
 * The people of an open thread: each message's sender with their signature, the recipients, and the senders of
 * quoted and forwarded messages (with their signatures too). The rep and colleagues at the rep's own work domain
 * are left out.
 */
export function threadPeople(
  source: string,
  messages: ShownMessage[],
  self: ReadonlySet<string>,
  url: URL,
): RawCandidate[] {
  const out: RawCandidate[] = [];
  const mine = selfMatcher(self);
  for (const [i, m] of messages.entries()) {
    const at = `message ${i + 1}`;
    if (m.from && !mine(m.from)) {
      const b = new CandidateBuilder(source, 0.9, url);
      b.set('name', m.from.name, `${at} sender ${describe(m.fromEl)}`);
      b.add('emails', m.from.email, `${at} sender ${describe(m.fromEl)}`);
      const segments = m.body ? readBody(m.body) : [];
      const own = segments[0] && !segments[0].from ? segments[0] : null;
      const sig = own ? segmentSignature(own, m.from.name, m.from.email) : null;
      if (sig) addSignature(b, sig, `${at} ${describe(m.body)}`);
      const c = b.done();
      if (c) out.push(c);
      for (const seg of segments) if (seg !== own) out.push(...quoted(source, seg, at, mine, url));
    } else if (m.body) {
      for (const seg of readBody(m.body)) if (seg.from) out.push(...quoted(source, seg, at, mine, url));
    }
    for (const r of m.to) {
      if (mine(r)) continue;
      const b = new CandidateBuilder(source, 0.6, url);
      b.set('name', r.name, `${at} recipient`);
      b.add('emails', r.email, `${at} recipient`);
      const c = b.done();
      if (c) out.push(c);
    }
  }
  return out;
}

function quoted(
  source: string,
  seg: ReturnType<typeof readBody>[number],
  at: string,
  mine: (a: Address | null) => boolean,
  url: URL,
): RawCandidate[] {
  const out: RawCandidate[] = [];
  const from = seg.from;
  if (from && !mine(from)) {
    const b = new CandidateBuilder(source, 0.7, url);
    b.set('name', from.name, `${at} quoted header`);
    b.add('emails', from.email, `${at} quoted header`);
    const sig = segmentSignature(seg, from.name, from.email);
    if (sig) addSignature(b, sig, `${at} quoted message`);
    const c = b.done();
    if (c) out.push(c);
  }
  for (const r of seg.to) {
    if (mine(r)) continue;
    const b = new CandidateBuilder(source, 0.5, url);
    b.set('name', r.name, `${at} quoted header recipient`);
    b.add('emails', r.email, `${at} quoted header recipient`);
    const c = b.done();
    if (c) out.push(c);
  }
  return out;
}
