/**
 * What a column of an imported file can be. `multi`: several columns may feed it (Email, Email 2, Work email…);
 * `deal`: a value in it makes the row a deal (a contact file's rows only make the deal a capture would).
 */
export const IMPORT_FIELDS = {
  name: { multi: false, deal: false },
  givenName: { multi: false, deal: false },
  familyName: { multi: false, deal: false },
  jobTitle: { multi: false, deal: false },
  company: { multi: false, deal: false },
  email: { multi: true, deal: false },
  phone: { multi: true, deal: false },
  linkedin: { multi: false, deal: false },
  website: { multi: true, deal: false },
  location: { multi: true, deal: false },
  tags: { multi: true, deal: false },
  notes: { multi: true, deal: false },
  dealId: { multi: false, deal: true },
  dealTitle: { multi: false, deal: true },
  product: { multi: false, deal: true },
  stage: { multi: false, deal: false },
  status: { multi: false, deal: false },
  amount: { multi: false, deal: true },
  currency: { multi: false, deal: false },
  owner: { multi: false, deal: false },
  createdDate: { multi: false, deal: false },
  closeDate: { multi: true, deal: true },
  expectedClose: { multi: false, deal: true },
  lostReason: { multi: false, deal: true },
} as const satisfies Record<string, { multi: boolean; deal: boolean }>;

export type ImportField = keyof typeof IMPORT_FIELDS;
export const IMPORT_FIELD_IDS = Object.keys(IMPORT_FIELDS) as ImportField[];

/** Per column of the file (by position): the field it feeds, or null to ignore it. */
export type ColumnMapping = (ImportField | null)[];

/** Whether the mapping makes deal rows (a deal per row) rather than contact rows. */
export function mapsDeals(mapping: ColumnMapping): boolean {
  return mapping.some((f) => f !== null && IMPORT_FIELDS[f].deal);
}

/** A mapping with at most one column per single-valued field: a later column taking a field drops it here. */
export function withField(mapping: ColumnMapping, column: number, field: ImportField | null): ColumnMapping {
  return mapping.map((f, i) => {
    if (i === column) return field;
    if (field !== null && f === field && !IMPORT_FIELDS[field].multi) return null;
    return f;
  });
}
