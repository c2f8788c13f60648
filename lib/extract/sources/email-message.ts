import { messageLines, messagePageThread } from '../email/message-page';
import type { Extractor } from '../types';

/**
 * A page that is one email message (saved from a mail program, a list archive, a plain-text message): its sender
 * with their signature, quoted and forwarded senders with theirs, named recipients. When it finds a message,
 * the other generic sources do not run: every address in a forwarded header would otherwise become a person.
 */
export const emailMessage: Extractor = {
  id: 'email-message',
  priority: 90,
  generic: 'never',
  thread: messagePageThread,
  // A message whose only addresses are role mailboxes and bare recipients still gives no one.
  owns: (doc) => messageLines(doc) !== null,
};
