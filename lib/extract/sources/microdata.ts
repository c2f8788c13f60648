import { CandidateBuilder } from '../candidate';
import { describe } from '../dom';
import { Budget } from '../limits';
import { cleanText } from '../text';
import type { Extractor, RawCandidate } from '../types';

const MAX_ITEMS = 500;
const MAX_PROPS = 200;

/** A microdata property's value, by the element it is on (HTML Living Standard, "microdata: values"). */
export function itemValue(el: Element): string {
  switch (el.localName) {
    case 'meta':
      return el.getAttribute('content') ?? '';
    case 'a':
    case 'area':
    case 'link':
      return el.getAttribute('href') ?? '';
    case 'img':
    case 'audio':
    case 'video':
    case 'source':
    case 'iframe':
    case 'embed':
      return el.getAttribute('src') ?? '';
    case 'object':
      return el.getAttribute('data') ?? '';
    case 'data':
    case 'meter':
      return el.getAttribute('value') ?? '';
    case 'time':
      return el.getAttribute('datetime') ?? el.textContent ?? '';
    default:
      return el.textContent ?? '';
  }
}

/** The item's own properties (not those of items nested inside it), by name. */
function properties(item: Element, budget: Budget): Map<string, Element[]> {
  const props = new Map<string, Element[]>();
  const all = item.querySelectorAll('[itemprop]');
  for (let i = 0, n = 0; i < all.length && n < MAX_PROPS && budget.spend(); i++) {
    const el = all[i]!;
    if (el.parentElement?.closest('[itemscope]') !== item) continue;
    n++;
    for (const name of (el.getAttribute('itemprop') ?? '').split(/\s+/)) {
      const key = name.replace(/^.*[/#]/, '');
      if (!key) continue;
      const list = props.get(key) ?? [];
      list.push(el);
      props.set(key, list);
    }
  }
  return props;
}

const isType = (el: Element, re: RegExp) => re.test(el.getAttribute('itemtype') ?? '');
const PERSON = /schema\.org\/Person\b/i;
const ORG = /schema\.org\/(?:Organization|Corporation|LocalBusiness|EducationalOrganization|NGO)\b/i;

/** A property's text: a nested item's `name`, else the element's value. */
function valueText(el: Element | undefined): string {
  if (!el) return '';
  if (el.hasAttribute('itemscope')) {
    const props = properties(el, new Budget());
    const name = props.get('name')?.[0];
    if (name) return cleanText(itemValue(name));
    const parts = ['addressLocality', 'addressRegion', 'addressCountry']
      .map((k) => cleanText(itemValue(props.get(k)?.[0] ?? el)))
      .filter((v, i, a) => v && a.indexOf(v) === i);
    return props.has('addressLocality') || props.has('addressCountry') ? parts.join(', ') : '';
  }
  return cleanText(itemValue(el));
}

/** schema.org `Person` items in microdata (`itemscope itemtype=".../Person"`), with nested organisations. */
export const microdata: Extractor = {
  id: 'microdata',
  priority: 45,
  extract(doc, url, budget = new Budget()) {
    const out: RawCandidate[] = [];
    const items = doc.querySelectorAll('[itemscope][itemtype]');
    for (let i = 0; i < items.length && out.length < MAX_ITEMS && budget.spend(); i++) {
      const item = items[i]!;
      if (!isType(item, PERSON)) continue;
      const props = properties(item, budget);
      const b = new CandidateBuilder('microdata', 0.75, url);
      const one = (key: string) => props.get(key)?.[0];
      const at = (key: string) => `itemprop=${key} ${describe(one(key))}`;
      b.set('name', valueText(one('name')), at('name'));
      const given = valueText(one('givenName'));
      const family = valueText(one('familyName'));
      if (!b.get('name') && (given || family)) b.set('name', `${given} ${family}`, at('givenName'));
      b.set('givenName', given, at('givenName'));
      b.set('familyName', family, at('familyName'));
      b.set('jobTitle', valueText(one('jobTitle')), at('jobTitle'));
      for (const key of ['worksFor', 'affiliation', 'memberOf']) b.set('company', valueText(one(key)), at(key));
      const org = item.parentElement?.closest('[itemscope][itemtype]');
      if (org && isType(org, ORG))
        b.set('company', valueText(properties(org, budget).get('name')?.[0]), describe(org), 0.6);
      for (const key of ['address', 'homeLocation', 'workLocation']) b.set('location', valueText(one(key)), at(key));
      for (const el of props.get('email') ?? []) b.add('emails', itemValue(el), at('email'));
      for (const el of props.get('telephone') ?? []) b.add('phones', itemValue(el), at('telephone'));
      for (const key of ['url', 'sameAs']) {
        for (const el of props.get(key) ?? []) {
          const href = itemValue(el);
          if (/linkedin\.com\/in\//i.test(href)) b.set('linkedinUrl', href, at(key));
          b.add('urls', href, at(key));
        }
      }
      const c = b.done();
      if (c) out.push(c);
    }
    return out;
  },
};
