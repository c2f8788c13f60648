/**
 * What a chosen file is, from its first bytes, before anything parses it (issue #12.8): the import takes CSV and
 * vCard, the restore takes Prospector's JSON backup, and anything else is refused with words that say what the
 * file is. The content decides, not the name: a workbook renamed .csv is still a workbook, and a vCard saved as
 * .txt is still a vCard.
 */
export type FileKind =
  | { kind: 'csv' }
  | { kind: 'vcard' }
  | { kind: 'backup' }
  | { kind: 'refused'; what: RefusedKind; format?: string };

export type RefusedKind = 'empty' | 'spreadsheet' | 'document' | 'image' | 'archive' | 'binary' | 'text' | 'json';

/** Enough of the file to tell: the header of any binary format, and the first lines of a text one. */
export const SNIFF_BYTES = 8192;

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => sig.every((x, i) => b[at + i] === x);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** Binary formats a rep might pick by mistake, by their magic numbers. */
const IMAGES: [string, number[], number][] = [
  ['PNG', [0x89, 0x50, 0x4e, 0x47], 0],
  ['JPEG', [0xff, 0xd8, 0xff], 0],
  ['GIF', ascii('GIF8'), 0],
  ['TIFF', [0x49, 0x49, 0x2a, 0x00], 0],
  ['TIFF', [0x4d, 0x4d, 0x00, 0x2a], 0],
  ['HEIC', ascii('ftypheic'), 4],
  ['HEIC', ascii('ftypmif1'), 4],
  ['BMP', ascii('BM'), 0],
];

function extension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** A zip: an Office or OpenDocument file names its parts near the start; anything else is an archive. */
function zipKind(text: string, ext: string): FileKind {
  if (text.includes('xl/') || text.includes('opendocument.spreadsheet') || ['xlsx', 'ods', 'numbers'].includes(ext))
    return { kind: 'refused', what: 'spreadsheet' };
  if (text.includes('word/') || text.includes('ppt/') || text.includes('opendocument.') || ext === 'docx')
    return {
      kind: 'refused',
      what: 'document',
      format: ext === 'pptx' || text.includes('ppt/') ? 'PowerPoint' : 'Word',
    };
  return { kind: 'refused', what: 'archive' };
}

function binaryKind(b: Uint8Array, ext: string, latin: string): FileKind | null {
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) return zipKind(latin, ext);
  // An old Office file (Excel 97–2003 or Word): the same container for both, told apart by name.
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    return ext === 'doc'
      ? { kind: 'refused', what: 'document', format: 'Word' }
      : { kind: 'refused', what: 'spreadsheet' };
  if (startsWith(b, ascii('%PDF'))) return { kind: 'refused', what: 'document', format: 'PDF' };
  if (startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8))
    return { kind: 'refused', what: 'image', format: 'WebP' };
  for (const [format, sig, at] of IMAGES)
    if (startsWith(b, sig, at) && (format !== 'BMP' || ext === 'bmp'))
      return { kind: 'refused', what: 'image', format };
  if (startsWith(b, [0x1f, 0x8b]) || startsWith(b, ascii('Rar!')) || startsWith(b, [0x37, 0x7a, 0xbc, 0xaf]))
    return { kind: 'refused', what: 'archive' };
  return null;
}

/** The sample as text: UTF-16 by its byte-order mark, else UTF-8 (a Windows-1252 CSV still reads as text here). */
function decode(b: Uint8Array): { text: string; utf16: boolean } {
  if (startsWith(b, [0xff, 0xfe])) return { text: new TextDecoder('utf-16le').decode(b), utf16: true };
  if (startsWith(b, [0xfe, 0xff])) return { text: new TextDecoder('utf-16be').decode(b), utf16: true };
  return { text: new TextDecoder('utf-8').decode(b), utf16: false };
}

/** Control characters no text file holds (NUL, and the C0 controls other than tab, line breaks, form feed). */
function controlShare(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 9 || (c > 13 && c < 32) || c === 11) n++;
  }
  return text.length ? n / text.length : 0;
}

const DELIMITERS = [',', ';', '\t', '|'] as const;

/** How many times `d` separates fields on this line, quotes respected (a quoted comma is part of a value). */
function fieldBreaks(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === d && !quoted) n++;
  }
  return n;
}

/** Column names are short and are not sentences ("Email", "Company name"; not "here are the notes."). */
function headerLike(header: string, d: string): boolean {
  return header.split(d).every((f) => {
    const name = f.trim().replace(/^"|"$/g, '');
    return name.length <= 60 && !/[.!?]$/.test(name);
  });
}

/**
 * A table: a header line with columns, and rows that mostly have as many as the header. Prose has commas too, but
 * not the same number on every line. A file named .csv may also be one column (a header and a list of emails).
 */
export function looksLikeTable(text: string, complete: boolean, namedCsv: boolean): boolean {
  const lines = text.split(/\r\n|\n|\r/);
  if (!complete) lines.pop();
  const rows = lines.filter((l) => l.trim() !== '').slice(0, 20);
  const header = rows[0];
  if (!header) return false;
  for (const d of DELIMITERS) {
    const k = fieldBreaks(header, d);
    // Outside a file named .csv, two comma-separated pieces are as likely a sentence: ask for a tab or 3 columns.
    if (k === 0 || (!namedCsv && d !== '\t' && k < 2) || !headerLike(header, d)) continue;
    const data = rows.slice(1);
    if (!data.length) return namedCsv;
    const same = data.filter((r) => fieldBreaks(r, d) === k).length;
    if (same * 2 >= data.length) return true;
  }
  // One column: a short header such as "Email", each row one short value.
  return namedCsv && headerLike(header, '\n') && rows.every((r) => r.length <= 320);
}

/**
 * Tells what `head` (the first SNIFF_BYTES of a file named `name`, `size` bytes in all) is. `complete` when the
 * sample is the whole file.
 */
export function fileKind(name: string, head: Uint8Array, size: number): FileKind {
  const ext = extension(name);
  if (size === 0) return { kind: 'refused', what: 'empty' };
  const latin = String.fromCharCode(...head.subarray(0, 2048));
  const binary = binaryKind(head, ext, latin);
  if (binary) return binary;
  const { text: raw, utf16 } = decode(head);
  const text = raw.replace(/^\uFEFF/, '');
  if (!utf16 && controlShare(text) > 0.01) return { kind: 'refused', what: 'binary' };
  const start = text.trimStart();
  if (!start) return { kind: 'refused', what: 'empty' };
  if (/^BEGIN:VCARD/i.test(start)) return { kind: 'vcard' };
  if (start.startsWith('{') || start.startsWith('[')) {
    // Prospector's backup opens with its header record (lib/io/backup-format.ts).
    return /^\{\s*"prospectorBackup"\s*:/.test(start) ? { kind: 'backup' } : { kind: 'refused', what: 'json' };
  }
  const complete = size <= head.length;
  // Text in a file named like a table (some CRMs name their CSV export .xls) may be a single column.
  if (looksLikeTable(text, complete, ['csv', 'tsv', 'tab', 'xls'].includes(ext))) return { kind: 'csv' };
  return { kind: 'refused', what: 'text' };
}

/** Reads the start of `file` and tells what it is. */
export async function sniffFile(file: Blob & { name: string }): Promise<FileKind> {
  const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  return fileKind(file.name, head, file.size);
}
