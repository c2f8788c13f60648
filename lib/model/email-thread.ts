// Jitless before this module builds its schemas (lib/zod-setup.ts says why).
import '../zod-setup';
import { z } from 'zod';

/**
 * The thread reader's answer (lib/extract/thread/types.ts RawThread), checked on receipt: it ran inside the rep's
 * mail page. Limits a little above the reader's own, so a real thread always fits and a hostile one is refused.
 */
export const ThreadPerson = z.object({ name: z.string().max(2000), email: z.string().max(500) });
export type ThreadPerson = z.infer<typeof ThreadPerson>;

export const ThreadMessage = z.object({
  from: ThreadPerson.nullable(),
  to: z.array(ThreadPerson).max(100),
  date: z.string().max(300),
  text: z.string().max(1000),
});

export const RawThread = z.object({
  site: z.enum(['gmail', 'outlook']),
  url: z.string().max(4000),
  threadId: z.string().max(2000),
  subject: z.string().max(1000),
  lang: z.string().max(20).default(''),
  self: z.array(z.string().max(500)).max(10),
  messages: z.array(ThreadMessage).min(1).max(100),
});
export type RawThread = z.infer<typeof RawThread>;

/** What logging a thread did, per person: logged now, logged before (nothing new), not in the pipeline. */
export const ThreadLogResult = z.object({
  logged: z.array(z.object({ contactId: z.string(), name: z.string() })),
  already: z.array(z.object({ contactId: z.string(), name: z.string() })),
  unknown: z.array(ThreadPerson),
});
export type ThreadLogResult = z.infer<typeof ThreadLogResult>;
