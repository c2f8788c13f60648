// Jitless before this module builds its schemas (lib/zod-setup.ts says why).
import '../zod-setup';
import { z } from 'zod';
import { Text, Timestamp } from './common';

/** Where one value came from: the page, the extractor (source id) and the element or key it was read from. */
export const Provenance = z.object({
  source: z.string().max(64),
  detail: Text.optional(),
  url: Text.optional(),
  at: Timestamp.optional(),
  confidence: z.number().min(0).max(1).optional(),
});
export type Provenance = z.infer<typeof Provenance>;
