// Jitless before this module builds its schemas (lib/zod-setup.ts says why).
import '../zod-setup';
import { z } from 'zod';
import { Id, MAX_FIELDS, MAX_LIST, MAX_NOTE, MAX_TEXT, Text, Timestamp } from './common';
import { Provenance } from './provenance';

export const ProfileUrls = z.object({
  linkedin: Text.optional(),
  github: Text.optional(),
  x: Text.optional(),
  website: Text.optional(),
  other: z.array(Text).max(MAX_LIST).default([]),
});
export type ProfileUrls = z.infer<typeof ProfileUrls>;

/** Fields a rep can edit and a capture can fill; the keys of `provenance` and `editedFields`. */
export const CONTACT_FIELDS = [
  'name',
  'givenName',
  'familyName',
  'jobTitle',
  'company',
  'companyDomain',
  'location',
  'emails',
  'phones',
  'urls',
] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

export const ContactSource = z.object({
  url: Text,
  site: Text,
  capturedAt: Timestamp,
});

/** The message of the count check on provenance, which lib/io/backup-read.ts turns into words for the rep. */
export const FIELDS_TOO_MANY = 'fields_too_many';

export const Contact = z.object({
  id: Id,
  name: Text,
  givenName: Text.default(''),
  familyName: Text.default(''),
  jobTitle: Text.default(''),
  company: Text.default(''),
  companyDomain: Text.default(''),
  emails: z.array(Text).max(MAX_LIST).default([]),
  phones: z.array(Text).max(MAX_LIST).default([]),
  urls: ProfileUrls.default({ other: [] }),
  location: Text.default(''),
  /** "Dr.", "Ir.": read apart from the name (so search and dedupe see the name alone), kept for the rep. */
  honorificPrefix: Text.optional(),
  /** Degrees and post-nominals: "Ph.D.", "S.E.", "MBA". */
  honorificSuffix: Text.optional(),
  tags: z.array(Text).max(MAX_LIST).default([]),
  notes: z.string().max(MAX_NOTE).default(''),
  source: ContactSource,
  /** Per field: where its current value came from. */
  provenance: z
    .record(z.string().max(64), Provenance)
    .refine((p) => Object.keys(p).length <= MAX_FIELDS, { message: FIELDS_TOO_MANY })
    .default({}),
  /** Fields the rep changed by hand: a later capture does not overwrite them. */
  editedFields: z.array(z.string().max(64)).max(MAX_FIELDS).default([]),
  /** Normalised keys for deduplication, maintained on every write (see lib/identity/keys.ts). */
  nameKey: z
    .string()
    .max(MAX_TEXT * 2 + 1)
    .default(''),
  linkedinKey: Text.default(''),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  /** Soft delete, so a later sync can see deletions and undo is possible. */
  deletedAt: Timestamp.nullable().default(null),
  /** Set when this contact was merged into another. */
  mergedInto: Id.nullable().default(null),
  /** Made by "Load demo pipeline": shown as demo, left out of exports, removed in one click (lib/demo/remove.ts). */
  demo: z.boolean().optional(),
});
export type Contact = z.infer<typeof Contact>;
