/**
 * Phone numbers in a signature line with the label the sender gave them ("Cell: …", "… (Office)", "HP …", "WA …").
 * A fax is not a number to call: it is left out. Runs of digits are found with one linear pattern and checked by
 * shape (7–15 digits, not a date, not a ZIP+4), so street numbers, postcodes and room numbers are not phones.
 */

/** A run that may be a phone number: digits with the usual separators. */
const RUN = /[+(]?\d[\d ()./-]*/g;
const WORD = /[\p{L}]+/gu;

/** Label words as senders write them (English and Bahasa Indonesia), and the kind each one means. */
const LABELS: Record<string, string> = {
  fax: 'fax',
  facsimile: 'fax',
  faks: 'fax',
  f: 'fax',
  mobile: 'mobile',
  mob: 'mobile',
  cell: 'mobile',
  cellular: 'mobile',
  wireless: 'mobile',
  hp: 'mobile',
  handphone: 'mobile',
  ponsel: 'mobile',
  seluler: 'mobile',
  m: 'mobile',
  wa: 'whatsapp',
  whatsapp: 'whatsapp',
  direct: 'direct',
  dir: 'direct',
  dd: 'direct',
  d: 'direct',
  home: 'home',
  rumah: 'home',
  h: 'home',
  office: 'office',
  work: 'office',
  kantor: 'office',
  main: 'office',
  o: 'office',
  w: 'office',
  phone: '',
  ph: '',
  tel: '',
  telp: '',
  telephone: '',
  telepon: '',
  voice: '',
  t: '',
  p: '',
  pager: 'pager',
};

export interface SignaturePhone {
  /** As written, with " ext. 12" and " (mobile)" when the sender gave them. */
  value: string;
  /** Where the number and its label sit in the line, to take them out of it. */
  start: number;
  end: number;
}

function labelWord(text: string, last: boolean): { kind: string | undefined; word: string } {
  const words = text.match(WORD) ?? [];
  const word = (last ? words.at(-1) : words[0]) ?? '';
  return { kind: LABELS[word.toLowerCase()], word };
}

/** Phones in one line of a signature, labelled; fax and pager numbers are not returned. */
export function signaturePhones(line: string): SignaturePhone[] {
  const out: SignaturePhone[] = [];
  if (!/\d{3}/.test(line)) return out;
  const runs: { start: number; end: number; text: string }[] = [];
  RUN.lastIndex = 0;
  for (let m = RUN.exec(line); m; m = RUN.exec(line)) {
    const text = m[0].replace(/(?<![\s(./-])[\s(./-]+$/, '');
    const digits = text.replace(/\D/g, '');
    if (digits.length < 7 || digits.length > 15) continue;
    if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|^\d{4}-\d{2}-\d{2}|^\d{5}-\d{4}$/.test(text)) continue;
    // A phone number is written in groups ("713-853-6577", "+62 21 5088 1200"), never one long run of 9+ digits
    // unless it is international.
    if (!/[\s()./-]/.test(text) && !text.startsWith('+') && digits.length > 8) continue;
    runs.push({ start: m.index, end: m.index + text.length, text: text.replace(/^\(([^)]*)$/, '$1') });
  }
  for (const [i, r] of runs.entries()) {
    const before = line.slice(i ? runs[i - 1]!.end : 0, r.start);
    const afterEnd = i + 1 < runs.length ? runs[i + 1]!.start : line.length;
    const after = line.slice(r.end, afterEnd);
    const ext = /^\s*(?:ext\.?|extension|x)\s*(\d{1,6})/i.exec(after);
    const rest = ext ? after.slice(ext[0].length) : after;
    let label = labelWord(before, true);
    let start = r.start;
    let end = r.end + (ext ? ext[0].length : 0);
    // The label just before the number ("Cell: …", "HP …") wins; else the one just after ("… (Office)", "… fax").
    if (
      label.kind !== undefined &&
      /^[\s:.()–-]*$/.test(before.slice(before.lastIndexOf(label.word) + label.word.length))
    )
      start = r.start - (before.length - before.lastIndexOf(label.word));
    else {
      label = labelWord(rest, false);
      if (label.kind !== undefined && /^[\s:.()–-]*$/.test(rest.slice(0, rest.indexOf(label.word))))
        end +=
          rest.indexOf(label.word) +
          label.word.length +
          (rest[rest.indexOf(label.word) + label.word.length] === ')' ? 1 : 0);
      else label = { kind: undefined, word: '' };
    }
    // "…, Tokyo 105-0011": a short unlabelled number after an address's comma is its postcode, not a phone.
    if (label.kind === undefined && r.text.replace(/\D/g, '').length < 8 && before.includes(',')) continue;
    if (label.kind === 'fax' || label.kind === 'pager') {
      out.push({ value: '', start, end });
      continue;
    }
    const value = `${r.text.trim()}${ext ? ` ext. ${ext[1]}` : ''}${label.kind ? ` (${label.kind})` : ''}`;
    out.push({ value, start, end });
  }
  return out;
}
