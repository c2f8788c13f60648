import { afterEach, describe, expect, it } from 'vitest';
import { AppError, describeError } from '@/lib/errors';
import { setLocale, t } from '@/lib/i18n';
import { MessageError } from '@/lib/messaging/client';
import { issueMessage, PipelineRefused } from '@/lib/pipeline/stages-edit';

afterEach(() => setLocale('en'));

describe('describeError', () => {
  it("says a domain error in the rep's language, with its values", () => {
    const err = new AppError('error_noDeal');
    expect(describeError(err)).toBe('That deal no longer exists: it may have been deleted.');
    setLocale('id');
    expect(describeError(err)).toBe('Kesepakatan itu sudah tidak ada: mungkin telah dihapus.');
  });

  it('says what the background refused, from the parts its reply carried across the message boundary', () => {
    // As the client rebuilds it from a reply: plain data, not an AppError instance.
    const fromReply = new MessageError('error_mergeSelf', 'failed', [{ key: 'error_mergeSelf', params: [] }]);
    setLocale('id');
    expect(describeError(fromReply)).toBe('Kontak tidak dapat digabung dengan dirinya sendiri.');
  });

  it('joins several sentences, each with its own values (a stage edit refused for several reasons)', () => {
    const issues = new PipelineRefused([{ code: 'no-open' }, { code: 'won-count' }]).issues;
    const parts = issues.map((i) => {
      const [key, ...params] = issueMessage(i);
      return { key, params: params.map(String) };
    });
    const text = describeError(new AppError(parts));
    expect(text).toBe(issues.map((i) => t(...issueMessage(i))).join(' '));
    expect(text.length).toBeGreaterThan(20);
  });

  it('gives the router refusals and unknown failures general words, never a stack or a field path', () => {
    expect(describeError(new MessageError('payload.dealId: Too small', 'invalid'))).toBe(
      'Prospector could not understand that request. Reload the page and try again.',
    );
    expect(describeError(new MessageError('No answer from the background.', 'no-answer'))).toMatch(/did not answer/);
    expect(describeError(new TypeError('x is undefined'))).toBe('Something went wrong (x is undefined).');
    expect(describeError('odd')).toBe('Something went wrong (odd).');
  });
});
