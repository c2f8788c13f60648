import { CandidateBuilder } from '../candidate';
import type { RawCandidate, RawMessage } from '../types';
import { type Address, parseAddressList } from './addresses';
import { readLines, type Segment, segmentSignature } from './body';
import { isRoleAddress } from './roles';
import { domainWordOf, nameTokens, type Signature, sameName } from './signature';

/** One message of a thread with its header read: sender, recipients, and its body split into messages. */
interface ShownMessage {
  from: Address | null;
  fromAt: string;
  to: Address[];
  segments: Segment[];
}

/** The people in address texts as shown; when some carry an address, only those (a bare name is a label). */
function addresses(texts: readonly string[]): Address[] {
  const all = texts.slice(0, 50).flatMap((t) => parseAddressList(t, 50));
  return all.some((a) => a.email) ? all.filter((a) => a.email) : all;
}

/** A message as the reader handed it, read: its header, or (a page that is the message) its first lines. */
function shown(m: RawMessage): ShownMessage | null {
  if (!m.headerInBody) {
    return {
      from: addresses([m.from])[0] ?? null,
      fromAt: m.fromAt,
      to: addresses(m.to),
      segments: readLines(m.lines),
    };
  }
  const segments = readLines(m.lines);
  const top = segments[0];
  return top?.from ? { from: top.from, fromAt: '', to: top.to, segments } : null;
}

/** How sure each kind of person is: the sender of the open message, a quoted sender, a named recipient. */
const SENDER = 0.9;
const QUOTED = 0.7;
const RECIPIENT = 0.4;
const QUOTED_RECIPIENT = 0.35;
/** Recipients are offered from a message sent to at most this many people. */
const MAX_RECIPIENTS = 6;

/** Confidence scaled and rounded (0.56, not 0.5599999999999999). */
const scaled = (conf: number, by: number) => Math.round(conf * by * 100) / 100;

function addSignature(b: CandidateBuilder, sig: Signature, at: string, conf: number): void {
  b.set('jobTitle', sig.jobTitle, `${at} signature`, scaled(conf, 0.8));
  b.set('company', sig.company, `${at} signature`, scaled(conf, 0.75));
  for (const e of sig.emails) if (!isRoleAddress(e)) b.add('emails', e, `${at} signature`, scaled(conf, 0.7));
  for (const p of sig.phones) b.add('phones', p, `${at} signature`, scaled(conf, 0.8));
  if (sig.linkedinUrl) b.set('linkedinUrl', sig.linkedinUrl, `${at} signature`, scaled(conf, 0.8));
  for (const u of sig.urls) b.add('urls', u, `${at} signature`, scaled(conf, 0.7));
  b.set('location', sig.location, `${at} signature`, scaled(conf, 0.6));
}

/** "FairAir <fairair@fairair.com>": a one-word name that is the domain's is the organisation's mailbox. */
function isOrgMailbox(a: Address): boolean {
  const word = domainWordOf(a.email);
  return !!word && !a.name.includes(' ') && a.name.toLowerCase().replace(/[^\p{L}\d]/gu, '') === word;
}

const notPerson = (a: Address) => isRoleAddress(a.email) || isOrgMailbox(a);

const hasDetails = (s: Signature | null) => !!s && !!(s.jobTitle || s.company || s.phones.length || s.emails.length);

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

/** A signature whose name is not the sender's: an assistant's, a shared mailbox's person, a forwarded contact. */
function signedBySomeoneElse(sig: Signature | null, from: Address): boolean {
  if (!sig?.name || !from.name || sameName(sig.name, from.name)) return false;
  const local = from.email.split('@')[0]?.toLowerCase() ?? '';
  return !nameTokens(sig.name).some((w) => w.length > 2 && local.includes(w));
}

/**
 * One sender and the signature under their text, as one candidate: the signature's name (how they sign, usually
 * fuller) over the header's, title, company, phones, address. A signature signed by someone else is that person.
 * A sender with nothing but a name is not offered: a rep cannot reach them.
 */
function senderPeople(
  source: string,
  from: Address,
  seg: Segment | null,
  conf: number,
  at: string,
  url: URL,
  mine: (a: Address | null) => boolean,
  fromAt = '',
): RawCandidate[] {
  if (mine(from)) return [];
  const sig = seg ? segmentSignature(seg, from.name, from.email) : null;
  const where = `${at} ${fromAt ? `sender ${fromAt}` : 'header'}`;
  const out: RawCandidate[] = [];
  const role = notPerson(from);
  const push = (b: CandidateBuilder) => {
    const c = b.done();
    if (c && (c.emails?.length || c.phones?.length || c.jobTitle || c.company || c.linkedinUrl)) out.push(c);
  };
  if (signedBySomeoneElse(sig, from)) {
    const other = new CandidateBuilder(source, scaled(conf, 0.8), url);
    other.set('name', sig!.name, `${at} signature`);
    addSignature(other, sig!, at, scaled(conf, 0.8));
    push(other);
    // The one who signed gave their own address: the header's is a shared or relaying mailbox.
    if (!role && from.email && !sig!.emails.length) {
      const b = new CandidateBuilder(source, conf, url);
      b.set('name', from.name, where).add('emails', from.email, where);
      push(b);
    }
    return out;
  }
  // A shared mailbox (sales@, info@) is offered only through the person who signed.
  if (role && !sig?.name) return [];
  const b = new CandidateBuilder(source, conf, url);
  // How they sign is usually their fuller name ("Mark D. Guinney" for "Guinney, Mark"), unless it is a first name.
  if (sig?.name && (sig.name.includes(' ') || !from.name)) b.set('name', sig.name, `${at} signature`);
  if (!role) b.set('name', from.name, where).add('emails', from.email, where);
  if (sig && (hasDetails(sig) || sig.name)) addSignature(b, sig, at, conf);
  push(b);
  return out;
}

/** Someone the message went to: offered only with both a display name and an address that is a person's. */
function recipient(source: string, r: Address, at: string, conf: number, url: URL): RawCandidate | null {
  if (!r.name || !r.email || notPerson(r)) return null;
  const b = new CandidateBuilder(source, conf, url);
  b.set('name', r.name, `${at} recipient`).add('emails', r.email, `${at} recipient`);
  return b.done();
}

/**
 * The people of an open thread: each message's sender merged with their signature, the senders of quoted and
 * forwarded messages (each with their own signature), and the named recipients of the open messages, ranked
 * below. The rep and colleagues at the rep's own work domain are left out, and so are role addresses and
 * recipients shown without a name.
 */
export function threadPeople(
  source: string,
  raw: readonly RawMessage[],
  self: ReadonlySet<string>,
  url: URL,
): RawCandidate[] {
  const people: RawCandidate[] = [];
  const recipients: RawCandidate[] = [];
  const mine = selfMatcher(self);
  for (const [i, m] of raw.map(shown).entries()) {
    if (!m) continue;
    const at = `message ${i + 1}`;
    const segments = m.segments;
    const first = segments[0];
    const own = first && (!first.from || first.from === m.from) ? first : null;
    if (m.from) people.push(...senderPeople(source, m.from, own, SENDER, at, url, mine, m.fromAt));
    for (const seg of segments)
      if (seg !== own && seg.from)
        people.push(...senderPeople(source, seg.from, seg, QUOTED, `${at} quoted`, url, mine));
    const lists: [Address[], string, number][] = [[m.to, at, RECIPIENT]];
    for (const seg of segments) if (seg !== own) lists.push([seg.to, `${at} quoted header`, QUOTED_RECIPIENT]);
    for (const [list, where, conf] of lists) {
      // A message to a crowd (a list, an announcement) does not make each of them a prospect.
      if (list.length > MAX_RECIPIENTS) continue;
      for (const r of list) {
        if (mine(r)) continue;
        const c = recipient(source, r, where, conf, url);
        if (c) recipients.push(c);
      }
    }
  }
  return [...people, ...recipients];
}
