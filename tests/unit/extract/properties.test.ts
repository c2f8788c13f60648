import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareCapture } from '@/lib/capture/prepare';
import { RawPageCapture } from '@/lib/capture/raw';
import { parseEmailLink, parseSelection } from '@/lib/capture/selection';
import { parseAddressList, parseAttribution } from '@/lib/extract/email/addresses';
import { parseSignature } from '@/lib/extract/email/signature';
import { extractPage } from '@/lib/extract/extract-page';
import { mergeCandidates } from '@/lib/extract/merge-candidates';
import { companyFromEmail } from '@/lib/extract/normalise/company';
import { normaliseEmail } from '@/lib/extract/normalise/email';
import { normaliseName } from '@/lib/extract/normalise/name';
import { normalisePhone } from '@/lib/extract/normalise/phone';
import { normaliseUrl } from '@/lib/extract/normalise/url';
import { emailsInText, phonesInText } from '@/lib/extract/patterns';
import { parseVCard } from '@/lib/extract/vcard';
import { MAX_TEXT, PageCapture } from '@/lib/model';
import { docAt } from './run';

/** Text the way pages have it: any Unicode (lone surrogates included), with the characters parsers care about. */
const pageText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc
    .array(
      fc.constantFrom(
        'Jane',
        'DOE',
        ',',
        ' ',
        '@',
        '[at]',
        ' dot ',
        '.',
        '+',
        '(',
        ')',
        '-',
        '0',
        '7',
        'ext',
        '<',
        '>',
        '"',
        '\n',
        'van',
        'Jr.',
        '山田',
        '\u200b',
        '\ud800',
        'mailto:',
        'Tel:',
        'www.',
        '.com',
        '--',
      ),
      { maxLength: 60 },
    )
    .map((a) => a.join('')),
);

const runs = { numRuns: 300 };

describe('parsers and normalisers never throw, and their output stays in bounds', () => {
  it('normaliseName', () => {
    fc.assert(
      fc.property(pageText, (s) => {
        const n = normaliseName(s);
        for (const v of [n.name, n.givenName, n.familyName]) {
          expect(v.length).toBeLessThanOrEqual(200);
          expect(v).toBe(v.toWellFormed());
        }
        if (!n.name) expect(n.givenName + n.familyName).toBe('');
      }),
      runs,
    );
  });

  it('normaliseEmail', () => {
    fc.assert(
      fc.property(fc.oneof(pageText, fc.emailAddress()), (s) => {
        const e = normaliseEmail(s);
        if (e) expect(e).toMatch(/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>.]+$/);
        expect(e).toBe(e.toLowerCase());
      }),
      runs,
    );
  });

  it('normalisePhone', () => {
    const countries = fc.subarray(['US', 'ID', 'GB', 'SG', 'DE'] as const);
    fc.assert(
      fc.property(pageText, countries, fc.boolean(), (s, cs, strict) => {
        const p = normalisePhone(s, cs, strict);
        expect(p.length).toBeLessThanOrEqual(80);
        if (p.startsWith('+') && /^\+\d+$/.test(p)) expect(p.length).toBeLessThanOrEqual(16);
      }),
      runs,
    );
  });

  it('normaliseUrl and companyFromEmail', () => {
    fc.assert(
      fc.property(fc.oneof(pageText, fc.webUrl()), (s) => {
        const u = normaliseUrl(s, 'https://base.example/x/');
        if (u) expect(u).toMatch(/^https?:\/\//);
        expect(u.length).toBeLessThanOrEqual(MAX_TEXT);
        companyFromEmail(s);
      }),
      runs,
    );
  });

  it('emailsInText, phonesInText, address headers, attributions, signatures, vCards', () => {
    fc.assert(
      fc.property(pageText, (s) => {
        for (const m of emailsInText(s)) expect(m.value).toContain('@');
        expect(phonesInText(s).length).toBeLessThanOrEqual(20);
        parseAddressList(s);
        parseAttribution(s);
        parseSignature(s.split('\n'), 'acme.example');
        parseVCard(`BEGIN:VCARD\n${s}\nEND:VCARD`);
      }),
      runs,
    );
  });

  it('selections and mailto links always make a valid raw capture', () => {
    fc.assert(
      fc.property(pageText, fc.array(pageText, { maxLength: 5 }), (s, links) => {
        expect(RawPageCapture.safeParse(parseSelection({ text: s, links }, 'https://x.example/', s)).success).toBe(
          true,
        );
        expect(RawPageCapture.safeParse(parseEmailLink(`mailto:${s}`, s, 'https://x.example/')).success).toBe(true);
      }),
      runs,
    );
  });

  it('prepareCapture turns any raw capture the schema admits into a valid PageCapture', { timeout: 60_000 }, () => {
    const field = fc.option(pageText, { nil: undefined });
    const list = fc.option(fc.array(fc.oneof(pageText, fc.emailAddress(), fc.webUrl()), { maxLength: 5 }), {
      nil: undefined,
    });
    const source = fc.record({
      source: fc.string({ maxLength: 64 }),
      detail: fc.option(fc.string({ maxLength: 100 }), { nil: undefined }),
      confidence: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
    });
    const candidate = fc.record(
      {
        name: field,
        givenName: field,
        familyName: field,
        jobTitle: field,
        company: field,
        emails: list,
        phones: list,
        urls: list,
        linkedinUrl: field,
        location: field,
        provenance: fc.option(fc.dictionary(fc.constantFrom('name', 'emails', 'phones', 'company'), source), {
          nil: undefined,
        }),
        confidence: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
        kind: fc.option(fc.constantFrom('person' as const, 'organization' as const), { nil: undefined }),
      },
      { requiredKeys: [] },
    );
    const raw = fc.record({
      url: fc.oneof(fc.webUrl(), fc.constant('https://x.example/')),
      title: pageText,
      site: fc.constantFrom('web', 'gmail', 'linkedin'),
      lang: fc.constantFrom('', 'en-US', 'id', 'xx-ZZ'),
      siteName: pageText,
      found: fc.array(candidate, { maxLength: 12 }),
      fragments: fc.array(
        fc.record({
          source: fc.constant('h-card'),
          priority: fc.constant(40),
          html: fc.oneof(
            pageText,
            pageText.map(
              (t) =>
                `<div class="h-card"><span class="p-name">${t}</span><a class="u-email" href="mailto:${t}">x</a></div>`,
            ),
          ),
        }),
        { maxLength: 3 },
      ),
      failed: fc.constant([] as string[]),
    });
    fc.assert(
      fc.property(raw, (r) => {
        const parsed = RawPageCapture.safeParse(r);
        if (!parsed.success) return;
        const out = prepareCapture(parsed.data);
        expect(PageCapture.safeParse(out).success).toBe(true);
        for (const c of out.candidates) expect(c.name || c.emails.length || c.linkedinUrl).toBeTruthy();
      }),
      { numRuns: 150 },
    );
  });

  it('mergeCandidates never returns more people than it was given, and keeps every address', () => {
    const cand = fc.record({
      name: fc.constantFrom('', 'Jane Doe', 'John Roe', 'jane doe'),
      emails: fc.subarray(['a@x.example', 'b@x.example', 'c@x.example']),
    });
    fc.assert(
      fc.property(fc.array(cand, { maxLength: 20 }), (list) => {
        const merged = mergeCandidates(list);
        expect(merged.length).toBeLessThanOrEqual(list.length);
        const before = new Set(list.flatMap((c) => c.emails));
        const after = new Set(merged.flatMap((c) => c.emails ?? []));
        expect(after).toEqual(before);
      }),
      runs,
    );
  });

  it('extractPage survives arbitrary markup and its answer passes the schema', { timeout: 120_000 }, () => {
    const piece = fc.oneof(
      pageText,
      fc.constantFrom(
        '<div class="h-card">',
        '<div class="vcard"><span class="fn">',
        '</div>',
        '</span>',
        '<a href="mailto:jane@acme.example">',
        '<a href="tel:+14155550132">',
        '</a>',
        '<script type="application/ld+json">{"@type":"Person","name":"',
        '"}</script>',
        '<div itemscope itemtype="https://schema.org/Person"><span itemprop="name">',
        '<div typeof="Person"><span property="name">',
        '<h3>',
        '</h3>',
        '<p class="role">CEO</p>',
        '<table><tr><td>',
        '</td></tr></table>',
        '<br>',
      ),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const html = parts.join('');
        const raw = extractPage(
          docAt(html, 'https://x.example/'),
          'https://x.example/',
          undefined,
          Number.POSITIVE_INFINITY,
        );
        expect(raw.failed).toEqual([]);
        const parsed = RawPageCapture.safeParse(raw);
        expect(parsed.success).toBe(true);
        if (parsed.success) expect(PageCapture.safeParse(prepareCapture(parsed.data)).success).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
