import { github } from './sites/github';
import { gmail } from './sites/gmail';
import { linkedinCompany } from './sites/linkedin-company';
import { linkedinPeople } from './sites/linkedin-people';
import { linkedinProfile } from './sites/linkedin-profile';
import { outlook } from './sites/outlook';
import { emailMessage } from './sources/email-message';
import { hCard } from './sources/h-card';
import { jsonLd } from './sources/json-ld';
import { mailtoTel } from './sources/mailto-tel';
import { metaProfile } from './sources/meta-profile';
import { microdata } from './sources/microdata';
import { personCards } from './sources/person-cards';
import { rdfa } from './sources/rdfa';
import { teamPage } from './sources/team-page';
import { vcardLink } from './sources/vcard-link';
import { visibleText } from './sources/visible-text';
import type { Extractor } from './types';

/** Site adapters, one file each in lib/extract/sites/: matched by URL, they run before the generic sources. */
export const SITE_ADAPTERS: readonly Extractor[] = [
  linkedinProfile,
  linkedinCompany,
  linkedinPeople,
  gmail,
  outlook,
  github,
];

/** Generic sources, one file each in lib/extract/sources/: they read any page. */
export const GENERIC_SOURCES: readonly Extractor[] = [
  emailMessage,
  jsonLd,
  microdata,
  rdfa,
  hCard,
  vcardLink,
  metaProfile,
  personCards,
  teamPage,
  mailtoTel,
  visibleText,
];

/**
 * Every extractor, registered here once. tests/unit/extract/registry.test.ts checks that each file under sites/
 * and sources/ is listed and that each site adapter has fixtures in tests/fixtures/<id>/.
 */
export const EXTRACTORS: readonly Extractor[] = [...SITE_ADAPTERS, ...GENERIC_SOURCES];
