import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { readThread } from '@/lib/extract/thread/read-thread';
import { docFrom } from '../helpers';

const FIXTURES = resolve(__dirname, '../../fixtures');
/** A saved page parsed at the address it was saved from (the `saved from url` comment). */
function page(path: string) {
  const html = readFileSync(resolve(FIXTURES, path), 'utf8');
  const url = /saved from url=\(\d+\)(\S+?)\s*-->/.exec(html)![1]!;
  return { doc: docFrom(html, url), url };
}

describe('the thread reader', () => {
  it("reads a Gmail conversation: subject, each message's sender, date, recipients and own first lines", () => {
    const { doc, url } = page('gmail/reply-chain.html');
    const thread = readThread(doc, url)!;
    expect(thread).toMatchObject({
      site: 'gmail',
      url,
      threadId: 'gmail:thread-f:1790322119861155842',
      subject: 'Re: Pilot proposal for Q3',
      self: ['rizal@brightline-sales.example'],
    });
    expect(thread.messages.map((m) => [m.from?.email, m.date])).toEqual([
      ['priya.n@orbital-freight.example', 'Mon, Jan 6, 2025, 10:02 AM'],
      ['rizal@brightline-sales.example', 'Tue, Jan 7, 2025, 9:15 AM'],
      ['tom.becker@orbital-freight.example', 'Wed, Jan 8, 2025, 2:41 PM'],
    ]);
    const tom = thread.messages[2]!;
    expect(tom.from).toEqual({ name: 'Tom Becker', email: 'tom.becker@orbital-freight.example' });
    expect(tom.to.map((p) => p.email)).toEqual([
      'rizal@brightline-sales.example',
      'priya.n@orbital-freight.example',
      'finance-ap@orbital-freight.example',
    ]);
    // The sender's own words only: no signature (title, phone), no quoted history (the rep's proposal).
    expect(tom.text).toBe(
      "Hi Rizal, I'm the budget owner for this project. The pilot pricing works for us; can we move the start to 1 July and invoice quarterly? Please copy accounts payable on the invoice. Thanks, Tom",
    );
    expect(tom.text).not.toMatch(/Chief Financial|6789|SGD 38/);
    expect(thread.messages[0]!.text).toMatch(/^Hi Rizal, Thanks for the call yesterday/);
  });

  it('reads an Outlook message with its Cc and cuts the quoted reply header and signature', () => {
    const { doc, url } = page('outlook/office-reply.html');
    const thread = readThread(doc, url)!;
    expect(thread).toMatchObject({
      site: 'outlook',
      threadId: 'outlook:AAQkADM3NGIwYzQ5LTk0YjktNDI1Mi1hYzk1LWE0ZTg5ODk0ZGQ2MAAQAJ',
      subject: 'Re: Renewal timeline',
      self: ['rizal@brightline-sales.example'],
    });
    expect(thread.messages).toHaveLength(1);
    const [m] = thread.messages;
    expect(m!.from).toEqual({ name: 'Carlos Mendes', email: 'carlos.mendes@solaris-energy.example' });
    expect(m!.to.map((p) => p.email)).toEqual(['rizal@brightline-sales.example', 'ana.ribeiro@solaris-energy.example']);
    expect(m!.date).toBe('Thu 1/9/2025 4:27 PM');
    expect(m!.text).toBe(
      'Hi Rizal, Thanks for the revised numbers. Legal has signed off; we can renew for 24 months from March. Ana will handle the purchase order. Kind regards,',
    );
  });

  it('reads an Indonesian Gmail thread, cutting at "Pada … menulis:"', () => {
    const { doc, url } = page('threads/gmail-id-anggaran.html');
    const thread = readThread(doc, url)!;
    expect(thread.lang).toBe('id');
    expect(thread.messages.map((m) => m.date)).toEqual(['Sen, 6 Jan 2025, 09.15', 'Rab, 8 Jan 2025, 14.41']);
    expect(thread.messages[1]!.text).toMatch(/^Halo Pak Rizal, .*Saya yang memutuskan.*kontraknya\. Salam, Budi$/);
    expect(thread.messages[1]!.text).not.toMatch(/Rp 300 juta|Direktur/);
  });

  it('reads nothing where no thread is open, and nothing off the mail sites', () => {
    const inbox = page('gmail/inbox-list.html');
    expect(readThread(inbox.doc, inbox.url)).toBeNull();
    const { doc } = page('gmail/reply-chain.html');
    expect(readThread(doc, 'https://example.com/mail')).toBeNull();
    expect(readThread(doc, 'not a url')).toBeNull();
  });

  it('keeps each first-lines excerpt bounded, however long the message', () => {
    const long = `<p>${'Budget talk. '.repeat(5000)}</p>`;
    const html = `<div role="main"><h2 class="hP">S</h2><div class="adn"><span class="gD" email="a@b.example" name="A"></span><div class="a3s">${long}</div></div></div>`;
    const thread = readThread(
      docFrom(html, 'https://mail.google.com/mail/u/0/#inbox/X'),
      'https://mail.google.com/mail/u/0/#inbox/X',
    )!;
    expect(thread.messages[0]!.text.length).toBeLessThanOrEqual(600);
    expect(thread.messages[0]!.text.endsWith('…')).toBe(true);
  });

  const LAYOUT = [
    'offsetTop',
    'offsetWidth',
    'offsetHeight',
    'clientWidth',
    'clientHeight',
    'scrollHeight',
    'innerText',
  ];
  const LAYOUT_METHODS = ['getBoundingClientRect', 'getClientRects', 'scrollIntoView', 'focus', 'checkVisibility'];
  for (const fixture of ['gmail/reply-chain.html', 'outlook/office-reply.html', 'threads/gmail-id-anggaran.html'])
    it(`forces no layout in the rep's mail page (${fixture})`, () => {
      const html = readFileSync(resolve(FIXTURES, fixture), 'utf8');
      const url = /saved from url=\(\d+\)(\S+?)\s*-->/.exec(html)![1]!;
      const { window } = new JSDOM(html, { url });
      const touched: string[] = [];
      for (const proto of [window.Element.prototype, window.HTMLElement.prototype]) {
        for (const name of LAYOUT)
          Object.defineProperty(proto, name, { configurable: true, get: () => touched.push(name) && 0 });
        for (const name of LAYOUT_METHODS)
          Object.defineProperty(proto, name, { configurable: true, value: () => touched.push(name) });
      }
      window.getComputedStyle = (() => touched.push('getComputedStyle')) as never;
      expect(readThread(window.document, url)?.messages.length).toBeGreaterThan(0);
      expect(touched).toEqual([]);
    });
});
