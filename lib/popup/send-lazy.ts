import type { MessageType, RequestOf, ResponseOf } from '../messaging/protocol';

/**
 * send() from lib/messaging/client.ts, loaded on first use: the message table carries zod, which the popup's
 * first screen does without (it only reads). Every write still goes through the background's message table.
 */
export async function sendLazy<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
  const { send } = await import('../messaging/client');
  return send(type, payload);
}

/** Loads the message client ahead of the first click (called once the first screen is up). */
export function preloadSend(): void {
  void import('../messaging/client');
}
