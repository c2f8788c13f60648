import { CandidateBuilder } from '../candidate';
import { describe } from '../dom';
import { Budget } from '../limits';
import { cleanText } from '../text';
import type { Extractor, RawCandidate } from '../types';

const MAX_ITEMS = 500;
const MAX_PROPS = 200;

/** `schema:name`, `foaf:name`, `http://schema.org/name` → `name`. */
const local = (term: string) => term.replace(/^.*[:/#]/, '');
const PERSON = /(?:^|\s|[:/#])Person(?:\s|$)/;

function value(el: Element): string {
  return (
    el.getAttribute('content') ??
    el.getAttribute('resource') ??
    el.getAttribute('href') ??
    el.getAttribute('src') ??
    el.textContent ??
    ''
  );
}

function properties(item: Element, budget: Budget): Map<string, Element[]> {
  const props = new Map<string, Element[]>();
  const all = item.querySelectorAll('[property], [rel]');
  for (let i = 0, n = 0; i < all.length && n < MAX_PROPS && budget.spend(); i++) {
    const el = all[i]!;
    if (el.parentElement?.closest('[typeof]') !== item) continue;
    n++;
    for (const term of `${el.getAttribute('property') ?? ''} ${el.getAttribute('rel') ?? ''}`.split(/\s+/)) {
      const key = local(term);
      if (!key) continue;
      const list = props.get(key) ?? [];
      list.push(el);
      props.set(key, list);
    }
  }
  return props;
}

function text(el: Element | undefined): string {
  if (!el) return '';
  if (el.hasAttribute('typeof')) {
    const name = properties(el, new Budget()).get('name')?.[0];
    return name ? cleanText(value(name)) : '';
  }
  return cleanText(value(el));
}

/** RDFa `Person`s (schema.org or FOAF vocabulary, `typeof="Person"` / `schema:Person` / `foaf:Person`). */
export const rdfa: Extractor = {
  id: 'rdfa',
  priority: 44,
  extract(doc, url, budget = new Budget()) {
    const out: RawCandidate[] = [];
    const items = doc.querySelectorAll('[typeof]');
    for (let i = 0; i < items.length && out.length < MAX_ITEMS && budget.spend(); i++) {
      const item = items[i]!;
      if (!PERSON.test(item.getAttribute('typeof') ?? '')) continue;
      const props = properties(item, budget);
      const one = (...keys: string[]) => {
        for (const k of keys) {
          const el = props.get(k)?.[0];
          if (el) return el;
        }
        return undefined;
      };
      const at = (el: Element | undefined) =>
        `${el?.getAttribute('property') ?? el?.getAttribute('rel') ?? ''} ${describe(el)}`;
      const b = new CandidateBuilder('rdfa', 0.75, url);
      const nameEl = one('name');
      b.set('name', text(nameEl), at(nameEl));
      const givenEl = one('givenName', 'firstName');
      const familyEl = one('familyName', 'lastName', 'surname');
      if (!b.get('name') && (givenEl || familyEl))
        b.set('name', `${text(givenEl)} ${text(familyEl)}`, at(givenEl ?? familyEl));
      b.set('givenName', text(givenEl), at(givenEl));
      b.set('familyName', text(familyEl), at(familyEl));
      const titleEl = one('jobTitle');
      b.set('jobTitle', text(titleEl), at(titleEl));
      const orgEl = one('worksFor', 'affiliation', 'memberOf', 'workplaceHomepage');
      if (orgEl && !/^https?:/i.test(text(orgEl))) b.set('company', text(orgEl), at(orgEl));
      const addrEl = one('address', 'homeLocation', 'based_near');
      b.set('location', text(addrEl), at(addrEl));
      for (const el of [...(props.get('email') ?? []), ...(props.get('mbox') ?? [])])
        b.add('emails', value(el), at(el));
      for (const el of [...(props.get('telephone') ?? []), ...(props.get('phone') ?? [])])
        b.add('phones', value(el), at(el));
      for (const key of ['url', 'sameAs', 'homepage', 'account', 'workplaceHomepage']) {
        for (const el of props.get(key) ?? []) {
          const href = value(el);
          if (/linkedin\.com\/in\//i.test(href)) b.set('linkedinUrl', href, at(el));
          b.add('urls', href, at(el));
        }
      }
      const c = b.done();
      if (c) out.push(c);
    }
    return out;
  },
};
