import type { MessageType, Reply, RequestOf, ResponseOf } from '../messaging/protocol';
import { nativeBrowser } from '../native-browser';

/**
 * One message of the table, sent from the popup's open path without the message client: the client parses every
 * answer with the table's zod schemas, and the open path carries no zod (building the schemas cost more than the
 * rest of the first screen's code). For the background's answers about its own data only; every write goes
 * through the client (lib/popup/send-lazy.ts). Undefined when the background refused or did not answer (asked
 * once more, as the client does, in case the service worker was asleep or restarting).
 */
export async function askBackground<T extends MessageType>(
  type: T,
  payload: RequestOf<T>,
): Promise<ResponseOf<T> | undefined> {
  let reply: Reply | undefined;
  for (let attempt = 0; attempt < 2 && !reply; attempt++) {
    try {
      reply = (await nativeBrowser().runtime.sendMessage({ type, payload })) as Reply | undefined;
    } catch (err) {
      if (attempt === 1) console.error(`Prospector: the background did not answer ${type}`, err);
    }
  }
  if (reply && !reply.ok) console.error(`Prospector: ${type} failed`, reply.error);
  return reply?.ok ? (reply.data as ResponseOf<T>) : undefined;
}
