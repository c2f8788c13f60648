import type { BantKey } from '../model/bant-keys';

/**
 * BANT evidence in what prospects wrote (logged email threads): budget, a decision maker, dates, urgency, in
 * English and Bahasa Indonesia. Each finding quotes the sentence it came from, so the rep sees why before
 * confirming. Every pattern is linear (tests/unit/safety) and runs on one clipped sentence at a time.
 */

export type TextSignal =
  | 'budget-none'
  | 'budget-approved'
  | 'budget-stated'
  | 'decision-maker'
  | 'defers'
  | 'date-near'
  | 'date'
  | 'urgent';

/** One logged message's first lines, and whether the contact wrote it themself. */
export interface EmailText {
  text: string;
  /** Only the contact's own words say they decide ("I sign off"); a colleague's say it of themself. */
  byContact: boolean;
}

export interface TextFinding {
  level: number;
  signal: TextSignal;
  /** The sentence that says it, as written. */
  quote: string;
}

/** Per part, strongest reading first; the first that matches a sentence decides its level. */
export const TEXT_RULES: Record<BantKey, readonly (readonly [TextSignal, number, RegExp])[]> = {
  budget: [
    [
      'budget-none',
      1,
      /\b(?:no budget|not in (?:the|our) budget|budget (?:is|was|has been) (?:cut|frozen)|tidak ada (?:anggaran|dana)|belum ada (?:anggaran|dana)|anggaran(?:nya)? (?:belum|tidak) (?:ada|tersedia|cukup))\b/i,
    ],
    [
      'budget-approved',
      3,
      /\b(?:budget[^.!?]{0,60} (?:is|has been|was) (?:approved|allocated|signed off|confirmed)|budget (?:approved|allocated)|approved (?:the |a |our )?budget|anggaran[^.!?]{0,60} (?:sudah|telah) (?:disetujui|tersedia|dialokasikan)|anggaran(?:nya)? (?:disetujui|tersedia)|sudah ada (?:anggaran|dana))\b/i,
    ],
    [
      'budget-stated',
      2,
      /(?:\b(?:budgets?|anggaran|pricing works|price works|harga(?:nya)? (?:cocok|oke|sesuai|masuk))\b|\b(?:rp|idr|usd|sgd|eur|aud|myr)\.? ?\d|[$€£] ?\d|\d ?(?:juta|miliar|milyar|jt|million|thousand|billion|rupiah|dollars?)\b)/i,
    ],
  ],
  authority: [
    [
      'defers',
      1,
      /\b(?:not the decision[- ]?maker|need (?:to )?(?:check|run it|confirm) (?:with|by) (?:my|our) (?:boss|manager|director|ceo|cfo|board)|need (?:an )?approval from|bukan saya yang (?:memutuskan|menentukan)|(?:perlu|harus) (?:persetujuan|izin|tanya|diskusi(?:kan)? dengan) (?:atasan|bos|direktur|direksi|pimpinan|manajemen))\b/i,
    ],
    [
      'decision-maker',
      3,
      /\b(?:i(?:'|’| a)?m the (?:budget owner|budget holder|decision[- ]?maker|final approver)|i (?:make|own) the (?:final )?(?:decision|call)|i (?:can )?sign (?:it )?off|i(?:'|’)ll sign|i have (?:the )?final say|saya (?:yang )?(?:memutuskan|menentukan|menyetujui|mengambil keputusan|pemegang anggaran)|keputusan(?:nya)? (?:ada )?di (?:tangan )?saya)\b/i,
    ],
  ],
  timeline: [
    [
      'date-near',
      3,
      /\b(?:this week|next week|this month|end of (?:the |this )?month|minggu ini|minggu depan|bulan ini|akhir bulan(?: ini)?)\b/i,
    ],
    [
      'date',
      2,
      /\b(?:\d{1,2} (?:jan|feb|mar|apr|may|mei|jun|jul|aug|agu|agt|sep|oct|okt|nov|dec|des)[a-z]{0,7}|(?:jan|feb|mar|apr|may|mei|jun|jul|aug|agu|agt|sep|oct|okt|nov|dec|des)[a-z]{0,7} \d{1,2}(?:st|nd|rd|th)?|q[1-4]|kuartal (?:[1-4]|iv|i{1,3})|next (?:month|quarter|year)|bulan depan|kuartal depan|tahun depan|awal tahun|akhir tahun)\b/i,
    ],
  ],
  need: [
    [
      'urgent',
      3,
      /\b(?:urgent(?:ly)?|asap|as soon as possible|time[- ]sensitive|mendesak|segera|secepatnya|darurat)\b/i,
    ],
  ],
};

const SENTENCE_MAX = 400;

/** "Hi Rizal, " / "Halo Pak Rizal, " before the first sentence: not part of what is quoted. */
const GREETING = /^(?:hi|hello|hey|dear|halo|hai|yth\.?|selamat (?:pagi|siang|sore|malam))\b[^,]{0,40}, /i;

/** A text's sentences (split at . ! ? followed by a space, and at line breaks), each at most SENTENCE_MAX. */
export function sentences(text: string): string[] {
  const out: string[] = [];
  for (const line of text.slice(0, 10_000).replace(GREETING, '').split('\n')) {
    let start = 0;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if ((c === '.' || c === '!' || c === '?') && (i + 1 === line.length || line[i + 1] === ' ')) {
        // "Rp 1.5 juta", "Q3." are not ends: only a stop followed by a space or the line's end is.
        out.push(line.slice(start, i + 1).trim());
        start = i + 1;
      }
    }
    out.push(line.slice(start).trim());
  }
  return out.filter(Boolean).map((s) => (s.length > SENTENCE_MAX ? `${s.slice(0, SENTENCE_MAX - 1)}…` : s));
}

/**
 * What the texts say for each part: texts newest first, and the newest that says anything about a part decides
 * it (as with notes: what the prospect wrote last week outweighs what they wrote last year).
 */
export function bantFromText(texts: readonly EmailText[]): Partial<Record<BantKey, TextFinding>> {
  const out: Partial<Record<BantKey, TextFinding>> = {};
  for (const { text, byContact } of texts.slice(0, 50)) {
    for (const sentence of sentences(text)) {
      for (const [part, rules] of Object.entries(TEXT_RULES) as [BantKey, (typeof TEXT_RULES)[BantKey]][]) {
        if (out[part] || (part === 'authority' && !byContact)) continue;
        const rule = rules.find(([, , re]) => re.test(sentence));
        if (rule) out[part] = { level: rule[1], signal: rule[0], quote: sentence };
      }
    }
    // One text at a time: a part found in a newer text is not looked for in older ones.
  }
  return out;
}
