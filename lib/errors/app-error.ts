import type { MessageKey } from '../i18n';

/** One sentence of an error, as an i18n key and the values it names: turned into words where the rep reads it. */
export interface ErrorPart {
  key: MessageKey;
  params: string[];
}

/**
 * An error a rep may read: it carries i18n keys and their values, never English text, so the page that shows it
 * says it in the rep's language (the background that threw it may be running in another). `message` is for logs.
 */
export class AppError extends Error {
  readonly parts: ErrorPart[];
  constructor(key: MessageKey, ...params: (string | number)[]);
  constructor(parts: ErrorPart[]);
  constructor(first: MessageKey | ErrorPart[], ...params: (string | number)[]) {
    const parts = Array.isArray(first) ? first : [{ key: first, params: params.map(String) }];
    super(parts.map((p) => [p.key, ...p.params].join(' ')).join('; '));
    this.name = 'AppError';
    this.parts = parts;
  }
}
