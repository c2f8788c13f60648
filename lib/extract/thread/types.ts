/** A person on a message's header line, as the mail client shows them. */
export interface ThreadPerson {
  name: string;
  email: string;
}

/** One message of the open thread, as far as the page shows it (a collapsed message shows only a snippet). */
export interface ThreadMessage {
  from: ThreadPerson | null;
  to: ThreadPerson[];
  /** The date as the mail client wrote it (a tooltip or a label): parsed off the page, in the background. */
  date: string;
  /** The first lines of the sender's own text: no quoted history, no signature, at most FIRST_LINES_MAX chars. */
  text: string;
}

/**
 * What the thread reader gives back for "Log this thread": raw page text, untrusted, checked with zod where it
 * lands (lib/pipeline/log-email.ts). Null from the reader when the page shows no open thread.
 */
export interface RawThread {
  site: 'gmail' | 'outlook';
  /** The page's address, the link back to the thread. */
  url: string;
  /** The thread's id in the mail client (Gmail's permanent thread id, Outlook's item id), else the URL. */
  threadId: string;
  subject: string;
  /** The page's language (`<html lang>`): how to read a date such as 09/01/2025. */
  lang: string;
  /** The signed-in account's addresses: the rep, never logged as a participant to add. */
  self: string[];
  messages: ThreadMessage[];
}

/** Bounds on the reader's work inside the page. */
export const THREAD_LIMITS = {
  messages: 100,
  recipients: 50,
  /** The first lines kept of each message. */
  firstLines: 600,
  /** How much of a body is walked to find them. */
  bodyChars: 20_000,
  line: 2_000,
} as const;
