import { readdirSync, readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fileKind, SNIFF_BYTES, sniffFile } from '@/lib/io/file-kind';

const FIXTURES = `${import.meta.dirname}/../../fixtures`;
const enc = (s: string) => new TextEncoder().encode(s);
const kindOf = (name: string, bytes: Uint8Array) => fileKind(name, bytes.subarray(0, SNIFF_BYTES), bytes.length);

/** A minimal zip whose first entry is `entry` (what Excel, Word and LibreOffice files open with). */
function zipWith(entry: string): Uint8Array {
  const name = enc(entry);
  const data = deflateRawSync(enc('<xml/>'));
  const header = new Uint8Array(30 + name.length);
  header.set([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0]);
  header[26] = name.length;
  header.set(name, 30);
  return new Uint8Array([...header, ...data]);
}

describe('what a chosen file is, by its content', () => {
  it('accepts every CSV and vCard the import is tested with, whatever the encoding', () => {
    for (const dir of ['io', 'forecast'])
      for (const f of readdirSync(`${FIXTURES}/${dir}`)) {
        const bytes = new Uint8Array(readFileSync(`${FIXTURES}/${dir}/${f}`));
        if (f.endsWith('.csv')) expect(kindOf(f, bytes), f).toEqual({ kind: 'csv' });
        if (f.endsWith('.vcf')) expect(kindOf(f, bytes), f).toEqual({ kind: 'vcard' });
      }
  });

  it('goes by content, not by name: a vCard saved as .txt, a CSV named .xls, a tab-separated .txt from Excel', () => {
    expect(kindOf('contacts.txt', enc('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann\r\nEND:VCARD\r\n'))).toEqual({
      kind: 'vcard',
    });
    expect(kindOf('export.xls', enc('Name,Email\nAnn,ann@x.test\nBo,bo@x.test\n'))).toEqual({ kind: 'csv' });
    expect(kindOf('Book1.txt', enc('Name\tCompany\tEmail\nAyu\tPT Maju\tayu@maju.test\n'))).toEqual({ kind: 'csv' });
    expect(kindOf('emails.csv', enc('Email\nann@x.test\nbo@x.test\n'))).toEqual({ kind: 'csv' });
  });

  it('refuses a prose .txt, even with commas in it', () => {
    const prose = [
      'Hi team, here are the notes from the expo.',
      'We met Ayu from PT Maju, who wants a demo next week.',
      'Budi said the budget is approved, pending the board.',
      'Thanks!',
    ].join('\n');
    expect(kindOf('notes.txt', enc(prose))).toEqual({ kind: 'refused', what: 'text' });
    expect(kindOf('notes.csv', enc(`${prose}\n`.repeat(3).replace(/,/g, '')))).toEqual({
      kind: 'refused',
      what: 'text',
    });
  });

  it('names workbooks, documents, pictures and archives from their first bytes', () => {
    expect(kindOf('leads.xlsx', zipWith('xl/workbook.xml'))).toEqual({ kind: 'refused', what: 'spreadsheet' });
    expect(kindOf('leads.csv', zipWith('xl/workbook.xml'))).toEqual({ kind: 'refused', what: 'spreadsheet' });
    expect(kindOf('notes.docx', zipWith('word/document.xml'))).toMatchObject({ what: 'document', format: 'Word' });
    expect(kindOf('photos.zip', zipWith('a.jpg'))).toEqual({ kind: 'refused', what: 'archive' });
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    expect(kindOf('old.xls', ole)).toEqual({ kind: 'refused', what: 'spreadsheet' });
    expect(kindOf('brochure.pdf', enc('%PDF-1.7\n%âãÏÓ\n'))).toMatchObject({ what: 'document', format: 'PDF' });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(kindOf('card.png', png)).toEqual({ kind: 'refused', what: 'image', format: 'PNG' });
    expect(kindOf('card.csv', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]))).toMatchObject({ format: 'JPEG' });
  });

  it('refuses an empty file, one of blank lines, and a binary renamed .csv', () => {
    expect(kindOf('empty.csv', new Uint8Array())).toEqual({ kind: 'refused', what: 'empty' });
    expect(kindOf('blank.csv', enc('\uFEFF\n\n  \n'))).toEqual({ kind: 'refused', what: 'empty' });
    const binary = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    expect(kindOf('program.csv', binary)).toEqual({ kind: 'refused', what: 'binary' });
  });

  it('tells a Prospector backup from other JSON', () => {
    expect(
      kindOf('prospector-backup-2026-12-01.json', enc('{"prospectorBackup":{"format":"prospector-backup"}}')),
    ).toEqual({
      kind: 'backup',
    });
    expect(kindOf('data.json', enc('[{"name":"Ann"}]'))).toEqual({ kind: 'refused', what: 'json' });
    expect(kindOf('contacts.csv', enc('{"prospectorBackup":{}}'))).toEqual({ kind: 'backup' });
  });

  it('reads only the start of a large file', async () => {
    const big = new Blob([`Name,Email\n${'Ann,ann@x.test\n'.repeat(200_000)}`]);
    const file = Object.assign(big, { name: 'big.csv' });
    const sliced: number[] = [];
    const slice = big.slice.bind(big);
    file.slice = (start?: number, end?: number) => {
      sliced.push((end ?? big.size) - (start ?? 0));
      return slice(start, end);
    };
    expect(await sniffFile(file)).toEqual({ kind: 'csv' });
    expect(sliced).toEqual([SNIFF_BYTES]);
  });
});
