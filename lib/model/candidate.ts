// Jitless before this module builds its schemas (lib/zod-setup.ts says why).
import '../zod-setup';
import { z } from 'zod';
import { MAX_LIST, Text } from './common';
import { Provenance } from './provenance';

/**
 * A person found on a page, before it is stored. Produced by lib/extract, checked again by the background on
 * receipt (a content script runs inside someone else's page and is not trusted).
 */
export const Candidate = z.object({
  name: Text.default(''),
  givenName: Text.default(''),
  familyName: Text.default(''),
  /** "Dr.", "Ibu": kept apart from the name (optional, so captures without one keep their shape). */
  honorificPrefix: Text.optional(),
  /** Degrees and credentials: "PhD", "S.E., M.M.". */
  honorificSuffix: Text.optional(),
  jobTitle: Text.default(''),
  company: Text.default(''),
  emails: z.array(Text).max(MAX_LIST).default([]),
  phones: z.array(Text).max(MAX_LIST).default([]),
  urls: z.array(Text).max(MAX_LIST).default([]),
  linkedinUrl: Text.default(''),
  location: Text.default(''),
  /** Per field (name, jobTitle, emails…): where the value came from. */
  provenance: z.record(z.string(), Provenance).default({}),
  confidence: z.number().min(0).max(1).default(0.5),
  /** 'organization' when the page is about a company rather than a person (a LinkedIn company page). */
  kind: z.enum(['person', 'organization']).optional(),
});
export type Candidate = z.infer<typeof Candidate>;
export type CandidateInput = z.input<typeof Candidate>;

export const PageCapture = z.object({
  url: Text,
  title: Text.default(''),
  site: Text.default('web'),
  candidates: z.array(Candidate).max(200),
});
export type PageCapture = z.infer<typeof PageCapture>;
