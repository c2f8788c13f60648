import { browser } from 'wxt/browser';
import type { ErrorPart } from '../errors/app-error';
import { type MessageType, protocol, type Reply, type RequestOf, type ResponseOf } from './protocol';

/** A message the background refused or failed: `describeError` (lib/errors/) puts it into the rep's words. */
export class MessageError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly parts?: ErrorPart[],
  ) {
    super(message);
  }
}

/**
 * Sends one message of the table to the background and returns its parsed answer. Retries once when the
 * service worker was asleep or restarting (the receiving end did not exist yet).
 */
export async function send<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
  let reply: Reply | undefined;
  for (let attempt = 0; attempt < 2 && !reply; attempt++) {
    try {
      reply = (await browser.runtime.sendMessage({ type, payload })) as Reply | undefined;
    } catch (err) {
      if (attempt === 1) throw err;
    }
  }
  if (!reply) throw new MessageError('No answer from the background.', 'no-answer');
  if (!reply.ok) throw new MessageError(reply.error, reply.code, reply.parts);
  return protocol[type].response.parse(reply.data) as ResponseOf<T>;
}
