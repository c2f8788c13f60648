import { describe, expect, it } from 'vitest';
import { readLines } from '@/lib/extract/email/body';
import { unquotePrintable } from '@/lib/extract/email/quoted-printable';
import { findSignature } from '@/lib/extract/email/signature';

describe('bodies as archives and raw views show them', () => {
  it('reads a quoted-printable body as a mail client shows it: soft breaks joined, codes decoded', () => {
    const raw = [
      'Thanks for the call this morning, the revised quote for the cold st=',
      'orage lease is attached.=20',
      'Caf=C3=A9 meeting moved to Tuesday, bring the signed copy (price =3D fi=',
      'nal).',
      'Regards and see you at the warehouse on Thurs=',
      'day,',
      'Andr=E9 Lemaire',
      'Harbor Logistics Ltd',
      'Tel:=09+62 21 555 0188',
    ];
    expect(unquotePrintable(raw)).toEqual([
      'Thanks for the call this morning, the revised quote for the cold storage lease is attached.',
      'Café meeting moved to Tuesday, bring the signed copy (price = final).',
      'Regards and see you at the warehouse on Thursday,',
      'André Lemaire',
      'Harbor Logistics Ltd',
      'Tel:\t+62 21 555 0188',
    ]);
  });

  it('leaves text alone that only looks like it: "=" closing a line of its own, rules of "="', () => {
    const text = ['Total =', '1200', 'Fee =', '300', '==========', 'Net =', '900'];
    expect(unquotePrintable(text)).toEqual(text);
    // Three words cut, but no code and most lines whole: not plainly an encoding.
    const long = ['a=', 'b=', 'c=', ...Array.from({ length: 40 }, (_, i) => `line ${i}`)];
    expect(unquotePrintable(long)).toEqual(long);
  });

  it('reads every message of a body so, quoted ones too', () => {
    const [own, quoted] = readLines([
      'Agreed, send the fin=',
      'al draft.',
      '-----Original Message-----',
      'From: Walt Ferris <walt.ferris@harbor.example>',
      '> The lease for the cold st=',
      '> orage unit runs to Dec=',
      '> ember.=20',
    ]);
    expect(own?.lines).toEqual(['Agreed, send the final draft.']);
    expect(quoted?.lines).toEqual(['The lease for the cold storage unit runs to December.']);
  });

  it('takes the one a message is sent on behalf of as its sender (Outlook, English and Indonesian)', () => {
    const [en] = readLines([
      'From: desk@harbor.example On Behalf Of Walt Ferris <walt.ferris@harbor.example>',
      'Sent: Monday, 3 June 2024 09:12',
      'Subject: Quote',
      'Attached.',
    ]);
    expect(en?.from).toMatchObject({ email: 'walt.ferris@harbor.example' });
    const [id] = readLines([
      'Dari: admin@samudra.example atas nama rina@samudra.example',
      'Perihal: Penawaran',
      'Terlampir.',
    ]);
    expect(id?.from).toMatchObject({ email: 'rina@samudra.example' });
  });

  it('finds the signature above attachment markers and a legal notice', () => {
    const lines = [
      'Attached is the revised lease.',
      'Rina Hartono',
      'Legal Counsel',
      'Samudra Biru Shipping',
      'Phone: +62 31 555 0198',
      '(See attached file: Lease draft 0612.doc)        (See attached',
      'file: Lease cover 0612.doc)',
      'This message is confidential and intended only for the addressee. If you are not the intended',
      'recipient, please delete it and tell the sender.',
      '- Lease draft 0612.doc',
    ];
    expect(findSignature(lines)).toMatchObject({
      name: 'Rina Hartono',
      jobTitle: 'Legal Counsel',
      company: 'Samudra Biru Shipping',
      phones: ['+62 31 555 0198'],
    });
  });
});
