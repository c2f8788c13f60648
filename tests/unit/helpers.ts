import { JSDOM } from 'jsdom';
import { ProspectorDb } from '@/lib/db/database';
import { Candidate, type CandidateInput, type PageCapture } from '@/lib/model';
import { ensureStages } from '@/lib/pipeline/seed';

let n = 0;
/** A fresh, seeded database in fake-indexeddb, unique per call. */
export async function freshDb(): Promise<ProspectorDb> {
  const db = new ProspectorDb(`test-${process.pid}-${++n}-${Math.random()}`);
  await ensureStages(db);
  return db;
}

/** A document parsed from HTML as if served at `url`. */
export function docFrom(html: string, url = 'https://example.com/team'): Document {
  return new JSDOM(html, { url }).window.document;
}

/** What a team page at example.com gives the capture: these people, checked as the reader's answer is. */
export function teamPage(...cands: CandidateInput[]): PageCapture {
  return {
    url: 'https://example.com/team',
    title: 'Team',
    site: 'web',
    candidates: cands.map((c) => Candidate.parse(c)),
  };
}
