import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const FIXTURES = resolve(import.meta.dirname, '../../fixtures/io');

/** A fixture file as a File, as the Data view's file picker gives it. */
export function fixtureFile(name: string, type = 'text/csv'): File {
  return new File([readFileSync(resolve(FIXTURES, name))], name, { type });
}
