import { describe, expect, it } from 'vitest';
import { parseAddressList, parseAttribution } from '@/lib/extract/email/addresses';
import { readBody } from '@/lib/extract/email/body';
import { parseSignature, signatureStart } from '@/lib/extract/email/signature';
import { emailsInText, phonesInText } from '@/lib/extract/patterns';
import { docAt } from './run';

describe('address headers', () => {
  it('reads named, quoted, bracketed and bare addresses', () => {
    expect(parseAddressList('"Doe, Jane" <Jane@Acme.example>, Bob Roe <bob@roe.example>; carol@c.example')).toEqual([
      { name: 'Doe, Jane', email: 'jane@acme.example' },
      { name: 'Bob Roe', email: 'bob@roe.example' },
      { name: '', email: 'carol@c.example' },
    ]);
    expect(parseAddressList('Jane Doe [mailto:jane@acme.example]')).toEqual([
      { name: 'Jane Doe', email: 'jane@acme.example' },
    ]);
    expect(parseAddressList('Jane Doe')).toEqual([{ name: 'Jane Doe', email: '' }]);
  });
  it('reads "On … wrote:" lines in several languages', () => {
    expect(parseAttribution('On Mon, Jan 6, 2025 at 10:02 AM Priya Natarajan <priya@of.example> wrote:')).toEqual({
      name: 'Priya Natarajan',
      email: 'priya@of.example',
    });
    expect(parseAttribution('Pada tanggal Sen, 6 Jan 2025 pukul 10.02 Siti Rahma <siti@x.example> menulis:')).toEqual({
      name: 'Siti Rahma',
      email: 'siti@x.example',
    });
    expect(parseAttribution('Am 06.01.2025 um 10:02 schrieb Jürgen Müller <j@m.example>:')).toEqual({
      name: 'Jürgen Müller',
      email: 'j@m.example',
    });
    expect(parseAttribution('Once upon a time we wrote a lot')).toBeNull();
  });
});

describe('signatures', () => {
  it('finds the block after a sign-off or "--" and reads title, company, phones and website', () => {
    const lines = [
      'Hi Rizal,',
      'Thanks for the call.',
      'Best regards,',
      'Priya Natarajan',
      'Director of Operations | Orbital Freight Pte. Ltd.',
      'M: +65 9123 4567 | T: +65 6789 0123',
      'www.orbital-freight.example',
    ];
    const at = signatureStart(lines);
    expect(at).toBe(3);
    expect(parseSignature(lines.slice(at))).toEqual({
      name: 'Priya Natarajan',
      jobTitle: 'Director of Operations',
      company: 'Orbital Freight Pte. Ltd.',
      emails: [],
      phones: ['+65 9123 4567 (mobile)', '+65 6789 0123'],
      urls: ['https://www.orbital-freight.example'],
      linkedinUrl: '',
      location: '',
    });
    expect(signatureStart(['text', '--', 'Tom Becker'])).toBe(2);
  });
  it('reads title and company on lines of their own, skips notices and addresses, keeps "VP, Procurement" whole', () => {
    const sig = parseSignature(
      [
        'Carlos Mendes',
        'VP, Procurement',
        'Solaris Energy S.A.',
        'Av. Paulista 1000, 12th floor',
        'T +55 11 3456-7890',
        'https://www.linkedin.com/in/carlos-mendes',
        'This message is confidential and intended only for the recipient.',
      ],
      'solaris-energy.example',
    );
    expect(sig).toMatchObject({
      name: 'Carlos Mendes',
      jobTitle: 'VP, Procurement',
      company: 'Solaris Energy S.A.',
      phones: ['+55 11 3456-7890'],
      linkedinUrl: 'https://www.linkedin.com/in/carlos-mendes',
    });
  });
  it('takes the line after the title as the company, or the email domain’s name', () => {
    expect(
      parseSignature(
        ['Tom Becker', 'Chief Financial Officer', 'Orbital Freight', 'Tel: +65 6789 0456'],
        'orbital-freight.example',
      ),
    ).toMatchObject({
      jobTitle: 'Chief Financial Officer',
      company: 'Orbital Freight',
      phones: ['+65 6789 0456'],
    });
  });

  it('keeps a line that opens with a title a title despite a trade word in it, unless it has a legal form', () => {
    expect(
      parseSignature(['Dina Prasetyo', 'Manager - Capital Markets Advisory', 'Halim & Rekan', 'Telp: 021 555 0187']),
    ).toMatchObject({ jobTitle: 'Manager - Capital Markets Advisory', company: 'Halim & Rekan' });
    expect(parseSignature(['Dina Prasetyo', 'Executive Search Partners Ltd', 'Telp: 021 555 0187'])).toMatchObject({
      company: 'Executive Search Partners Ltd',
    });
  });

  it('takes the line right under the name as the company when nothing names a title or company', () => {
    // Name, employer, street, city, phone: a common layout, with no legal form and a free-mail or no domain.
    expect(
      parseSignature([
        'Rina Hartono',
        'Samudra Biru Shipping - Surabaya Office',
        'Jl. Pemuda 21',
        'Telp: 031 555 0198',
      ]),
    ).toMatchObject({ name: 'Rina Hartono', jobTitle: '', company: 'Samudra Biru Shipping - Surabaya Office' });
    expect(
      parseSignature(['Walt Ferris', 'Northgate Cold Storage', '88 Harbor Road', 'Phone: (206) 555-0143']),
    ).toMatchObject({ name: 'Walt Ferris', company: 'Northgate Cold Storage', phones: ['(206) 555-0143'] });
    // A title under the name stays a title; a line with figures or a sentence is not taken.
    expect(parseSignature(['Walt Ferris', 'Account Manager', 'Phone: (206) 555-0143'])).toMatchObject({
      jobTitle: 'Account Manager',
      company: '',
    });
    expect(parseSignature(['Walt Ferris', 'Call me after 5.', 'Phone: (206) 555-0143'])).toMatchObject({
      company: '',
    });
  });
});

describe('message bodies', () => {
  it('splits the sender’s text from quoted and forwarded messages with their headers', () => {
    const doc = docAt(
      `<div id="b"><div>Hi,</div><div>Looping in Lars.</div><div>Maya</div>
       <div class="gmail_quote"><div class="gmail_attr">---------- Forwarded message ---------<br>From: <strong>Lars Eriksson</strong> &lt;lars@fjord.example&gt;<br>Date: Wed<br>To: Maya &lt;maya@b.example&gt;<br>Cc: Ingrid Holm &lt;ingrid@fjord.example&gt;</div>
       <div>Hello.</div><div>Regards,</div><div>Lars Eriksson</div><div>Head of Procurement</div></div></div>`,
      'https://mail.google.com/',
    );
    const segments = readBody(doc.getElementById('b')!);
    expect(segments).toHaveLength(2);
    expect(segments[0]).toMatchObject({ from: null, lines: ['Hi,', 'Looping in Lars.', 'Maya'] });
    expect(segments[1]).toMatchObject({
      from: { name: 'Lars Eriksson', email: 'lars@fjord.example' },
      to: [
        { name: 'Maya', email: 'maya@b.example' },
        { name: 'Ingrid Holm', email: 'ingrid@fjord.example' },
      ],
      lines: ['Hello.', 'Regards,', 'Lars Eriksson', 'Head of Procurement'],
    });
  });
});

describe('emails and phones in running text', () => {
  it('undoes the usual obfuscations and ignores lookalikes', () => {
    const found = (t: string) => emailsInText(t).map((m) => m.value);
    expect(found('jane [at] acme [dot] co [dot] uk')).toEqual(['jane@acme.co.uk']);
    expect(found('jane(at)acme(dot)com, bob AT acme DOT com')).toEqual(['jane@acme.com', 'bob@acme.com']);
    expect(found('chloe DOT martin AT acme DOT com')).toEqual(['chloe.martin@acme.com']);
    expect(found('ｉｎｆｏ＠ａｃｍｅ．ｃｏｍ')).toEqual(['info@acme.com']);
    expect(found('meet us at the stand, or at cafe dot com')).toEqual([]);
    expect(found('cont\ufffdact@acme.com')).toEqual([]);
  });
  it('takes labelled, international and (555) numbers, not dates, amounts or fax', () => {
    const found = (t: string) => phonesInText(t).map((m) => m.value);
    expect(found('Tel: 020 7946 0321 | Mobile +44 7700 900461 | Fax: 020 7946 0000')).toEqual([
      '020 7946 0321',
      '+44 7700 900461',
    ]);
    expect(found('Call (415) 555-0132 or +1 (415) 555-0199 ext. 7')).toEqual([
      '(415) 555-0132',
      '+1 (415) 555-0199 ext. 7',
    ]);
    expect(found('Invoice 2024-01-15, total $1,299.00, ref 4419-2231-0087')).toEqual([]);
  });
});
