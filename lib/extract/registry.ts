import { hCard } from './sources/h-card';
import { jsonLd } from './sources/json-ld';
import { mailtoTel } from './sources/mailto-tel';
import type { Extractor } from './types';

/**
 * Every extractor, registered here once. Site adapters (lib/extract/sites/) match by URL and outrank the
 * generic sources (lib/extract/sources/). tests/unit/extract/registry.test.ts checks each file is listed.
 */
export const EXTRACTORS: readonly Extractor[] = [jsonLd, hCard, mailtoTel];
