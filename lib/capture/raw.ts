// Jitless before this module builds its schemas (lib/zod-setup.ts says why).
import '../zod-setup';
import { z } from 'zod';
import { MAX_FOUND } from '../extract/limits';

/**
 * What the injected reader hands back, checked on receipt: it ran inside someone else's page. Generous limits
 * (the values are cleaned and capped again by prepareCapture); anything beyond them is rejected whole.
 */
const RawText = z.string().max(5000);
const RawList = z.array(RawText).max(100);

export const CANDIDATE_FIELDS = [
  'name',
  'givenName',
  'familyName',
  'jobTitle',
  'company',
  'emails',
  'phones',
  'urls',
  'linkedinUrl',
  'location',
] as const;

export const RawFieldSource = z.object({
  source: z.string().max(64),
  detail: z.string().max(500).optional(),
  confidence: z.number().min(0).max(1).optional(),
});

export const RawCandidate = z.object({
  name: RawText.optional(),
  givenName: RawText.optional(),
  familyName: RawText.optional(),
  jobTitle: RawText.optional(),
  company: RawText.optional(),
  emails: RawList.optional(),
  phones: RawList.optional(),
  urls: RawList.optional(),
  linkedinUrl: RawText.optional(),
  location: RawText.optional(),
  provenance: z.partialRecord(z.enum(CANDIDATE_FIELDS), RawFieldSource).optional(),
  confidence: z.number().min(0).max(1).optional(),
  kind: z.enum(['person', 'organization']).optional(),
});

/** A thread's messages as text (lib/extract/types.ts RawThread): lines were capped by the reader (email/marks.ts). */
const RawMessage = z.object({
  from: RawText,
  fromAt: z.string().max(500),
  to: RawList,
  lines: z.array(z.string().max(5000)).max(6000),
  headerInBody: z.boolean().optional(),
});
const RawThread = z.object({
  source: z.string().max(64),
  self: z.array(z.string().max(500)).max(20),
  messages: z.array(RawMessage).max(300),
});

export const RawPageCapture = z.object({
  url: z.string().max(8000),
  title: RawText.default(''),
  site: z.string().max(64).default('web'),
  lang: z.string().max(64).default(''),
  siteName: z.string().max(500).default(''),
  found: z.array(RawCandidate).max(MAX_FOUND),
  fragments: z
    .array(z.object({ source: z.string().max(64), priority: z.number(), html: z.string().max(60_000) }))
    .max(500)
    .default([]),
  threads: z.array(RawThread).max(20).default([]),
  failed: z.array(z.string().max(300)).max(100).default([]),
});
export type RawPageCapture = z.infer<typeof RawPageCapture>;
