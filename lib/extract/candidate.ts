import { MAX_LIST } from '../model/limits';
import { cleanEmail, cleanPhone, cleanText, cleanUrl } from './text';
import type { FieldSource, RawCandidate } from './types';

export type SingleField = 'name' | 'givenName' | 'familyName' | 'jobTitle' | 'company' | 'linkedinUrl' | 'location';
export type ListField = 'emails' | 'phones' | 'urls';

/**
 * Builds one candidate with provenance for every value: `set` fills a single-valued field once (the first value
 * wins: call in order of preference), `add` appends to a list. Values are cleaned on the way in.
 */
export class CandidateBuilder {
  private readonly c: RawCandidate & { provenance: Record<string, FieldSource> };

  constructor(
    readonly source: string,
    readonly confidence: number,
    private readonly base: URL,
  ) {
    this.c = { provenance: {}, confidence };
  }

  set(field: SingleField, value: unknown, detail: string, confidence = this.confidence): this {
    if (this.c[field]) return this;
    const v = field === 'linkedinUrl' ? cleanUrl(value, this.base) : cleanText(value);
    if (!v) return this;
    this.c[field] = v;
    this.c.provenance[field] = { source: this.source, detail: detail.slice(0, 200), confidence };
    return this;
  }

  add(field: ListField, value: unknown, detail: string, confidence = this.confidence): this {
    const v =
      field === 'emails' ? cleanEmail(value) : field === 'phones' ? cleanPhone(value) : cleanUrl(value, this.base);
    if (!v) return this;
    this.c[field] ??= [];
    const list = this.c[field];
    if (list.length >= MAX_LIST || list.includes(v)) return this;
    list.push(v);
    this.c.provenance[field] ??= { source: this.source, detail: detail.slice(0, 200), confidence };
    return this;
  }

  /** Marks the record as an organisation (a company page), not a person: no given or family name. */
  organization(): this {
    this.c.kind = 'organization';
    return this;
  }

  get(field: SingleField): string {
    return this.c[field] ?? '';
  }

  count(field: ListField): number {
    return this.c[field]?.length ?? 0;
  }

  /** The candidate, or null when it holds nothing that could identify a person. */
  done(): RawCandidate | null {
    const c = this.c;
    return c.name || c.emails?.length || c.linkedinUrl || c.company || c.phones?.length ? { ...c } : null;
  }
}
