import type { ProspectorDb } from '@/lib/db/database';
import type { Contact, Deal } from '@/lib/model';

export const AT = Date.UTC(2026, 10, 2, 10);
export const DAY = 86_400_000;

/** A stored-shape contact; override what the test is about. */
export function makeContact(id: string, over: Partial<Contact> = {}): Contact {
  return {
    id,
    name: `Person ${id}`,
    givenName: '',
    familyName: '',
    jobTitle: '',
    company: 'Acme',
    companyDomain: '',
    emails: [`${id}@acme.test`],
    phones: [],
    urls: { other: [] },
    location: '',
    tags: [],
    notes: '',
    source: { url: 'https://acme.test/team', site: 'web', capturedAt: AT },
    provenance: {},
    editedFields: [],
    nameKey: '',
    linkedinKey: '',
    createdAt: AT,
    updatedAt: AT,
    deletedAt: null,
    mergedInto: null,
    ...over,
  };
}

const zero = { level: 0, note: '', confirmed: false };
export function makeDeal(id: string, contactId: string, stageId: string, over: Partial<Deal> = {}): Deal {
  return {
    id,
    contactId,
    title: `Deal ${id}`,
    stageId,
    amount: null,
    currency: 'USD',
    expectedClose: null,
    probability: null,
    forecastCategory: null,
    bant: { budget: zero, authority: zero, need: zero, timeline: zero },
    owner: '',
    source: 'web',
    stageEntries: [{ stageId, at: AT }],
    followUpAt: null,
    followUpNote: '',
    createdAt: AT,
    updatedAt: AT,
    closedAt: null,
    outcome: null,
    lostReason: '',
    deletedAt: null,
    ...over,
  };
}

/** Stores contacts, each with one deal in `stageId` (deal id = `d` + contact id). */
export async function seedPeople(db: ProspectorDb, ids: string[], stageId = 'prospecting'): Promise<void> {
  await db.contacts.bulkAdd(ids.map((id) => makeContact(id)));
  await db.deals.bulkAdd(ids.map((id) => makeDeal(`d${id}`, id, stageId)));
}
