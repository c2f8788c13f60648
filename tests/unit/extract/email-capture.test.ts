import { describe, expect, it } from 'vitest';
import { parseAddressList } from '@/lib/extract/email/addresses';
import { findSignature, withoutFooter } from '@/lib/extract/email/signature';
import { signaturePhones } from '@/lib/extract/email/signature-phones';
import { captureOf } from './run';

const page = (header: string, body: string) =>
  `<html><body><table><tr><td><b>From:</b> ${header}</td></tr></table><pre>${body}</pre></body></html>`;

describe('a page that is one email message (#11.1)', () => {
  it('makes the sender and the signature under the text one candidate, with labelled phones and no fax', () => {
    const html = page(
      `Marlow, Dana &lt;dana.marlow@kestrel-gears.example&gt;<br>To: Rizal Hakim &lt;rizal@brightline.example&gt;<br>Date: Tue, 3 Jun 2025 09:12`,
      `Hi Rizal,
Our CFO, Peter Quill, asked for the revised quote. Call Peter Quill on 415-555-0199 if needed.

Best regards,
Dana Marlow
Procurement Manager
Kestrel Gears, Inc.
200 Harbor Street, Suite 4
Portland, OR 97201
Direct: (503) 555-0142
Cell: (503) 555-0177
Fax: (503) 555-0100`,
    );
    const { candidates } = captureOf(html, 'http://127.0.0.1/saved/message.html');
    const dana = candidates.find((c) => c.emails.includes('dana.marlow@kestrel-gears.example'));
    expect(dana).toMatchObject({
      name: 'Dana Marlow',
      jobTitle: 'Procurement Manager',
      company: 'Kestrel Gears, Inc.',
      location: 'Portland, OR 97201',
    });
    expect(dana?.phones.map((p) => p.replace(/\D/g, '').slice(-7))).toEqual(['5550142', '5550177']);
    expect(dana?.phones.join(' ')).toMatch(/\(direct\).*\(mobile\)/);
    // Text above the sign-off never becomes a person, and the fax is not a number to call.
    expect(candidates.some((c) => /Quill/.test(c.name))).toBe(false);
    expect(candidates.flatMap((c) => c.phones).some((p) => p.includes('5550100'))).toBe(false);
    // The recipient has a name: offered, ranked after the sender.
    expect(candidates.map((c) => c.name)).toEqual(['Dana Marlow', 'Rizal Hakim']);
  });

  it('reads Indonesian sign-offs, titles and labels (Hormat saya, Kepala, HP, WA, Telp.)', () => {
    const html = page(
      `Siti Rahmawati &lt;siti@majujaya.example&gt;<br>Kepada: andi@contoh.example<br>Tanggal: 3 Juni 2025`,
      `Selamat pagi Pak Andi,
Terlampir penawaran harga yang kami bicarakan kemarin.

Hormat saya,
Siti Rahmawati
Kepala Bagian Pengadaan
PT Maju Jaya Tbk
Telp. (021) 5050 1234
HP: 0812-3456-7890
WA 0813 2222 3333`,
    );
    const [siti, ...rest] = captureOf(html, 'http://127.0.0.1/pesan.html').candidates;
    expect(siti).toMatchObject({
      name: 'Siti Rahmawati',
      jobTitle: 'Kepala Bagian Pengadaan',
      company: 'PT Maju Jaya Tbk',
    });
    expect(siti?.phones).toHaveLength(3);
    expect(siti?.phones.filter((p) => p.endsWith('(mobile)'))).toHaveLength(1);
    expect(siti?.phones.filter((p) => p.endsWith('(whatsapp)'))).toHaveLength(1);
    // A recipient shown as a bare address is not offered as a person.
    expect(rest).toEqual([]);
  });

  it('gives each quoted or forwarded sender their own signature (Outlook and Notes reply headers)', () => {
    const html = page(
      `Ana Ribeiro &lt;ana@solaris.example&gt;<br>To: Tom &lt;tom@harbor.example&gt;<br>Sent: Monday`,
      `Adding Paulo, who runs the tender.
Thanks,
Ana

-----Original Message-----
From: Lima, Paulo [mailto:paulo.lima@solaris.example]
Sent: Friday, May 30, 2025 4:54 PM
To: Ribeiro, Ana
Subject: Tender

Please find the tender attached.
Regards,
Paulo Lima
Head of Tenders
Solaris Energy S.A.
Mobile +55 11 98765 4321

	Greta Holm
	05/28/2025 10:02 AM
		To: Paulo Lima/SOL@SOL
		cc:
		Subject: Specs
Specs below.
Greta Holm
Senior Engineer
Fjord Turbines AB
+46 8 555 010 20`,
    );
    const people = captureOf(html, 'http://127.0.0.1/thread.html').candidates;
    expect(people.find((c) => c.name === 'Paulo Lima')).toMatchObject({
      emails: ['paulo.lima@solaris.example'],
      jobTitle: 'Head of Tenders',
      company: 'Solaris Energy S.A.',
    });
    expect(people.find((c) => c.name === 'Greta Holm')).toMatchObject({
      jobTitle: 'Senior Engineer',
      company: 'Fjord Turbines AB',
    });
    // One sender, one candidate: Ana is not split into a header person and a signature person.
    expect(people.filter((c) => /Ana/.test(c.name))).toHaveLength(1);
  });

  it('never offers role addresses, organisation mailboxes or recipients without a name', () => {
    const html = page(
      `Acme Careers &lt;careers@acme.example&gt;<br>To: jo@x.example, Sales &lt;sales@y.example&gt;, Acme &lt;acme@acme.example&gt;<br>Date: today`,
      `We received your application.
Regards,
The Acme team`,
    );
    expect(captureOf(html, 'http://127.0.0.1/m.html').candidates).toEqual([]);
  });

  it('is not fooled by a page that only mentions "From:" in running text', () => {
    const html = '<html><body><p>From: the team. Reach Jane Doe at jane@acme.example.</p></body></html>';
    const { candidates } = captureOf(html, 'http://127.0.0.1/blog.html');
    expect(candidates.map((c) => c.provenance.emails?.source)).toEqual(['visible-text']);
  });
});

describe('signature lines', () => {
  it('finds the signature under a legal footer, attachments and decoration', () => {
    const lines = [
      'See attached.',
      'Kay Young',
      'Legal Specialist',
      'Harbor Freight Corp.',
      '713-555-0194 Phone',
      '713-555-0195 Fax',
      '********************',
      'This e-mail and any attachments are confidential and intended only for the addressee. If you',
      'received it in error, please delete it.',
      '- contract.doc',
    ];
    expect(withoutFooter(lines)).toHaveLength(6);
    expect(findSignature(lines, { senderName: 'Young, Kay', senderEmail: 'kay@harborfreight.example' })).toMatchObject({
      name: 'Kay Young',
      jobTitle: 'Legal Specialist',
      company: 'Harbor Freight Corp.',
      phones: ['713-555-0194'],
    });
  });

  it('reads labels before or after a number, extensions, and leaves out fax, dates and postcodes', () => {
    const values = (line: string) => signaturePhones(line).map((p) => p.value);
    expect(values('(770) 555-0202 (Office)')).toEqual(['(770) 555-0202 (office)']);
    expect(values('Cell: 0812-3456-7890')).toEqual(['0812-3456-7890 (mobile)']);
    expect(values('1-800-555-0180 Ext 108')).toEqual(['1-800-555-0180 ext. 108']);
    expect(values('tel: 650-555-0167 fax: 650-555-0195')).toEqual(['650-555-0167', '']);
    expect(values('Sent 04/16/2001 09:06 AM, Houston, TX 77002-1234')).toEqual([]);
    // A short number closing an address after its comma is the postcode; labelled, the same shape is a phone.
    expect(values('2-4-1 Shibakoen, Minato-ku, Tokyo 105-0011')).toEqual([]);
    expect(values('Room 4, Tel: 853-6577')).toEqual(['853-6577']);
  });

  it('reads Exchange, Notes and Outlook address forms', () => {
    expect(
      parseAddressList('Piper, Greg </O=ACME/OU=NA/CN=RECIPIENTS/CN=GPIPER>, Beck, Sally </O=ACME/CN=SBECK>'),
    ).toEqual([
      { name: 'Piper, Greg', email: '' },
      { name: 'Beck, Sally', email: '' },
    ]);
    expect(parseAddressList('Susan J Mara/NA/Acme@Acme')).toEqual([{ name: 'Susan J Mara', email: '' }]);
    expect(parseAddressList('"Vavrek, Carolyn (US - Boston)" <SMTP:cvavrek@firm.example>')).toEqual([
      { name: 'Vavrek, Carolyn', email: 'cvavrek@firm.example' },
    ]);
    expect(parseAddressList('jo.doe@acme.example@ACME <IMCEANOTES-jo+2Edoe@ACME.example>')).toEqual([
      { name: '', email: 'jo.doe@acme.example' },
    ]);
  });
});
