import { describe, expect, it } from 'vitest';
import { emailsInText, phonesInText } from '@/lib/extract/patterns';

// Issue #15: dotted text ending in "x@" took 2.2 s per 20,000 characters, because the address's local part
// could take the dots its separator also takes. The regex safety test proves the pattern linear; these check
// that the hostile text completes with the right answer (no timing asserted: a hang fails by the test timeout).
describe('emails and phones in hostile text', () => {
  it('reads 20,000 characters of dotted text ending in "x@" as no address', () => {
    expect(emailsInText(`${'a.'.repeat(10_000)}x@`)).toEqual([]);
    // Words of dotted letters, each ending in "x@": every word is a place the pattern starts (1.7 s before).
    expect(emailsInText(`${'a.'.repeat(40)}x@ `.repeat(250))).toEqual([]);
    expect(emailsInText(`${'a . '.repeat(5_000)}x@`)).toEqual([]);
  });

  it('still finds real and spelled-out addresses, with dotted local parts', () => {
    const found = emailsInText('Write to jane.q.doe.sales@acme.co.id or budi [at] maju [dot] co [dot] id.');
    expect(found.map((m) => m.value)).toEqual(['jane.q.doe.sales@acme.co.id', 'budi@maju.co.id']);
  });

  it('reads a block only up to its limit (lib/text/clip.ts), and never hangs on a huge one', () => {
    const noise = `${'x. '.repeat(30_000)} end jane@acme.test`;
    expect(emailsInText(noise)).toEqual([]);
    expect(phonesInText(`${'1 '.repeat(40_000)}`)).toEqual([]);
  });
});
