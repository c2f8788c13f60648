import { AppError, type ErrorPart } from '../errors/app-error';
import {
  Envelope,
  type ErrorCode,
  type MessageType,
  type ParsedRequestOf,
  protocol,
  type Reply,
  type ResponseOf,
} from './protocol';

export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

export type SenderKind = 'extension' | 'content';

/**
 * Who sent a message: one of the extension's own pages, one of its content scripts, or nobody we trust.
 * `extensionId` and `extensionOrigin` are this extension's (runtime.id, runtime.getURL('/')).
 */
export function senderKind(sender: SenderInfo, extensionId: string, extensionOrigin: string): SenderKind | null {
  if (sender.id !== extensionId) return null;
  if (sender.url?.startsWith(extensionOrigin)) return 'extension';
  if (sender.tab?.id !== undefined) return 'content';
  return null;
}

export type Handlers = {
  [T in MessageType]?: (payload: ParsedRequestOf<T>, sender: SenderInfo) => Promise<ResponseOf<T>>;
};

function fail(code: ErrorCode, error: string, parts?: ErrorPart[]): Reply<never> {
  return parts ? { ok: false, code, error, parts } : { ok: false, code, error };
}

/**
 * The background's one message listener: checks the sender, parses the payload with the table's schema, runs
 * the handler, and always answers with a Reply (errors as values, never a rejected promise the sender can't read).
 */
export function createRouter(handlers: Handlers, self: { id: string; origin: string }) {
  return async (message: unknown, sender: SenderInfo): Promise<Reply> => {
    const envelope = Envelope.safeParse(message);
    if (!envelope.success) return fail('invalid', 'Malformed message.');
    const type = envelope.data.type as MessageType;
    const def = Object.hasOwn(protocol, type) ? protocol[type] : undefined;
    const handler = Object.hasOwn(handlers, type) ? handlers[type] : undefined;
    if (!def || !handler) return fail('unknown-type', `Unknown message type ${JSON.stringify(type)}.`);
    const kind = senderKind(sender, self.id, self.origin);
    if (!kind || !(def.from as readonly string[]).includes(kind)) return fail('forbidden', 'Sender not allowed.');
    const parsed = def.request.safeParse(envelope.data.payload);
    if (!parsed.success)
      return fail('invalid', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    try {
      const data = await (handler as (p: unknown, s: SenderInfo) => Promise<unknown>)(parsed.data, sender);
      return { ok: true, data };
    } catch (err) {
      return fail(
        'failed',
        err instanceof Error ? err.message : String(err),
        err instanceof AppError ? err.parts : undefined,
      );
    }
  };
}
