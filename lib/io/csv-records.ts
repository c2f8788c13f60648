/**
 * CSV records as Excel reads them, in one linear pass, fed a piece of text at a time.
 *
 * Papa Parse (still used to guess the delimiter, lib/io/csv-read.ts) recovers from a stray quote by reading on
 * to the next quote that looks like a closing one: a row written `"Bad8" Row8,…` swallowed the next 124 rows
 * without a word. Excel's rules, kept here:
 * - a quote opens a quoted value only as the first character of a field; anywhere else it is a literal quote;
 * - inside a quoted value, `""` is one quote; a quote followed by the delimiter or a line end closes the value;
 *   a quote followed by anything else was not a closing quote after all: the value is kept as written, quotes
 *   included, and read on to the next delimiter (nothing after it is swallowed);
 * - a quoted value still open after MAX_RECORD_LINES lines, MAX_RECORD_CHARS characters or at the end of the file,
 *   or one that ran over lines to a quote that is not followed by a delimiter or a line end, was never closed: its first line becomes a record of its own, flagged, and reading starts again on the line
 *   after it. So one bad quote costs at most its own row.
 * Every record carries the physical line (1-based) it starts on: the number a text editor shows.
 */

/** A record as read: the fields, the line it starts on, and whether its opening quote was never closed. */
export interface RawCsvRecord {
  line: number;
  fields: string[];
  unclosed?: true;
}

/** A quoted value may hold line breaks (an address, a note), but not this many. */
export const MAX_RECORD_LINES = 200;
/** Nor this many characters (Excel's own cell holds 32,767). */
export const MAX_RECORD_CHARS = 256 * 1024;

const QUOTE = 34; // "
const LF = 10;
const CR = 13;

export class CsvRecordReader {
  private readonly delim: number;
  private readonly delimChar: string;
  private fields: string[] = [];
  private field = '';
  /** Where the reader is in a field: at its start, in plain text, in a quoted value, or after a quote in one. */
  private state: 'start' | 'plain' | 'quoted' | 'quote-in-quoted' = 'start';
  /** The physical line the reader is on, and the line the current record started on. */
  private line = 1;
  private recordLine = 1;
  /** A CR ended the last record: an LF right after it is the same line break. */
  private afterCr = false;
  /** A quoted value's text so far ends with a CR: an LF right after it is the same line break. */
  private quotedCr = false;
  /** The current record as written, to read it again if a quoted value in it is never closed. */
  private raw = '';

  constructor(delimiter: string) {
    if (delimiter.length !== 1) throw new Error('A CSV delimiter is one character.');
    this.delimChar = delimiter;
    this.delim = delimiter.charCodeAt(0);
  }

  /** Characters of the record not finished yet, and the line it starts on. */
  get pending(): number {
    return this.raw.length;
  }
  get pendingLine(): number {
    return this.recordLine;
  }

  /** Reads more text; `last` says it is the end of the file. Returns the records completed. */
  push(text: string, last: boolean): RawCsvRecord[] {
    const out: RawCsvRecord[] = [];
    let input: string | null = text;
    while (input !== null) {
      input = this.read(input, out);
      if (input !== null || !last) continue;
      if (this.state === 'quoted') {
        input = this.unclosed(out);
        continue;
      }
      if (this.state !== 'start' || this.fields.length || this.field) {
        this.endField();
        this.endRecord(out);
      }
    }
    return out;
  }

  /**
   * Reads `text` into records. Returns null when it is all read, or the text to read next when an unclosed quote
   * sent the reader back to the line after the record's first.
   */
  private read(text: string, out: RawCsvRecord[]): string | null {
    const n = text.length;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (this.afterCr) {
        this.afterCr = false;
        if (c === LF) {
          i++;
          continue;
        }
      }
      if (this.state === 'start' && c === QUOTE) {
        this.state = 'quoted';
        this.raw += '"';
        i++;
        continue;
      }
      if (this.state === 'quoted') {
        // Everything up to the next quote is the value's text, line breaks included.
        const q = text.indexOf('"', i);
        const end = q < 0 ? n : q;
        const chunk = text.slice(i, end);
        this.field += chunk;
        this.raw += chunk;
        this.countLines(chunk);
        if (q >= 0) {
          this.raw += '"';
          this.state = 'quote-in-quoted';
        }
        i = q < 0 ? n : q + 1;
        if (this.line - this.recordLine > MAX_RECORD_LINES || this.raw.length > MAX_RECORD_CHARS) {
          return this.unclosed(out) + text.slice(i);
        }
        continue;
      }
      if (this.state === 'quote-in-quoted') {
        if (c === QUOTE) {
          // "" inside a quoted value: one quote.
          this.field += '"';
          this.raw += '"';
          this.state = 'quoted';
          i++;
          continue;
        }
        if (c !== this.delim && c !== LF && c !== CR) {
          // A value that ran over lines to a quote that closes nothing: its opening quote was the stray one.
          if (this.line > this.recordLine) return this.unclosed(out) + text.slice(i);
          // Not a closing quote after all: keep the value as written, read on as plain text.
          this.field = `"${this.field.replaceAll('"', '""')}"`;
        }
        this.state = 'plain';
      }
      if (c === this.delim) {
        this.endField();
        this.raw += this.delimChar;
        i++;
        continue;
      }
      if (c === LF || c === CR) {
        this.endField();
        this.endRecord(out);
        this.line++;
        this.recordLine = this.line;
        this.afterCr = c === CR;
        i++;
        continue;
      }
      // A run of plain characters at once (quotes in it are literal).
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === this.delim || d === LF || d === CR) break;
        j++;
      }
      const chunk = text.slice(i, j);
      this.field += chunk;
      this.raw += chunk;
      this.state = 'plain';
      i = j;
    }
    return null;
  }

  /** Counts the line breaks in a piece of a quoted value (CR LF as one, even split between two pieces). */
  private countLines(chunk: string): void {
    for (let k = 0; k < chunk.length; k++) {
      const c = chunk.charCodeAt(k);
      if (c === CR) this.line++;
      else if (c === LF && !(k > 0 ? chunk.charCodeAt(k - 1) === CR : this.quotedCr)) this.line++;
    }
    if (chunk.length) this.quotedCr = chunk.charCodeAt(chunk.length - 1) === CR;
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
    this.state = 'start';
  }

  private endRecord(out: RawCsvRecord[]): void {
    out.push({ line: this.recordLine, fields: this.fields });
    this.reset();
  }

  private reset(): void {
    this.fields = [];
    this.field = '';
    this.state = 'start';
    this.raw = '';
    this.quotedCr = false;
  }

  /**
   * The record's quoted value was never closed: its first line becomes a flagged record (split at the delimiter,
   * quotes as written), and the text after that line is returned, to be read again.
   */
  private unclosed(out: RawCsvRecord[]): string {
    const text = this.raw;
    const brk = text.search(/[\r\n]/);
    const first = brk < 0 ? text : text.slice(0, brk);
    const rest = brk < 0 ? '' : text.slice(text.startsWith('\r\n', brk) ? brk + 2 : brk + 1);
    out.push({ line: this.recordLine, fields: first.split(this.delimChar), unclosed: true });
    this.reset();
    this.afterCr = false;
    this.line = this.recordLine + 1;
    this.recordLine = this.line;
    return rest;
  }
}
