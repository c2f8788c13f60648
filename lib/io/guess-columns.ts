import { type ColumnMapping, IMPORT_FIELDS, type ImportField } from './import-fields';

/** "Deal - Title" → "dealtitle", "E-mail Address" → "emailaddress", "close_value" → "closevalue". */
export function headerKey(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/**
 * Header names as HubSpot, Salesforce and Pipedrive export them (contacts, companies and deals), a generic
 * opportunity list (opportunity_id, sales_agent, product, account, deal_stage, engage_date, close_date,
 * close_value) and Prospector's own CSV export, as `headerKey`s. Checked whole first, then with a leading
 * object word removed (Pipedrive writes "Deal - Value", "Person - Email", "Organization - Name").
 */
const SYNONYMS: Record<ImportField, string[]> = {
  name: ['name', 'fullname', 'contactname', 'contact', 'person', 'personname', 'contactperson', 'displayname'],
  givenName: ['firstname', 'givenname', 'first', 'forename'],
  familyName: ['lastname', 'surname', 'familyname', 'last'],
  jobTitle: ['jobtitle', 'title', 'position', 'role', 'jobrole', 'designation', 'jabatan'],
  company: [
    'company',
    'companyname',
    'account',
    'accountname',
    'organization',
    'organisation',
    'organizationname',
    'organisationname',
    'org',
    'associatedcompany',
    'employer',
    'perusahaan',
  ],
  email: [
    'email',
    'emails',
    'emailaddress',
    'email1',
    'email2',
    'email3',
    'workemail',
    'personalemail',
    'primaryemail',
  ],
  phone: [
    'phone',
    'phones',
    'phonenumber',
    'mobile',
    'mobilephone',
    'mobilephonenumber',
    'workphone',
    'homephone',
    'businessphone',
    'tel',
    'telephone',
    'cell',
    'otherphone',
    'phone1',
    'phone2',
    'additionalphones',
  ],
  linkedin: ['linkedin', 'linkedinurl', 'linkedinprofile', 'linkedinbio', 'linkedinprofileurl'],
  website: ['website', 'websiteurl', 'url', 'web', 'companywebsite', 'companydomainname', 'homepage'],
  location: [
    'location',
    'city',
    'state',
    'country',
    'region',
    'stateregion',
    'countryregion',
    'address',
    'mailingcity',
    'mailingstate',
    'mailingcountry',
    'billingcity',
    'billingcountry',
  ],
  tags: ['tags', 'tag', 'labels', 'label', 'categories'],
  notes: ['notes', 'note', 'description', 'comments'],
  dealId: ['opportunityid', 'dealid', 'recordid', 'id', 'opportunity18digitid'],
  dealTitle: ['dealname', 'opportunityname', 'dealtitle', 'opportunity'],
  product: ['product', 'products', 'productname', 'series'],
  stage: ['stage', 'dealstage', 'opportunitystage', 'stagename', 'pipelinestage', 'lifecyclestage', 'leadstatus'],
  status: ['status', 'dealstatus', 'outcome', 'wonlost', 'result'],
  amount: ['amount', 'value', 'dealvalue', 'closevalue', 'dealamount', 'opportunityamount', 'amountusd', 'revenue'],
  currency: ['currency', 'amountcurrency', 'currencyofvalue', 'currencyisocode', 'dealcurrency', 'currencycode'],
  owner: [
    'owner',
    'salesagent',
    'dealowner',
    'opportunityowner',
    'contactowner',
    'accountowner',
    'assignedto',
    'salesrep',
    'agent',
    'rep',
    'ownername',
  ],
  createdDate: [
    'engagedate',
    'createdate',
    'createddate',
    'createdon',
    'created',
    'dealcreated',
    'createdat',
    'addtime',
    'dateadded',
  ],
  closeDate: [
    'closedate',
    'closedon',
    'closeddate',
    'wontime',
    'losttime',
    'actualclosedate',
    'dateclosed',
    'closetime',
  ],
  expectedClose: ['expectedclosedate', 'expectedclose', 'forecastclosedate', 'estimatedclosedate'],
  lostReason: ['lostreason', 'closedlostreason', 'reasonlost', 'lossreason'],
};

const PREFIXES = ['deal', 'person', 'organization', 'organisation', 'org', 'contact', 'opportunity', 'company', 'lead'];

const BY_KEY = new Map<string, ImportField>();
for (const [field, keys] of Object.entries(SYNONYMS) as [ImportField, string[]][]) {
  for (const k of keys) if (!BY_KEY.has(k)) BY_KEY.set(k, field);
}

/** The field a header most likely names, or null. */
export function guessField(header: string): ImportField | null {
  const key = headerKey(header);
  if (!key) return null;
  const whole = BY_KEY.get(key);
  if (whole) return whole;
  for (const p of PREFIXES) {
    if (key.startsWith(p) && key.length > p.length) {
      const rest = BY_KEY.get(key.slice(p.length));
      if (rest) return rest;
    }
  }
  if (key.includes('linkedin')) return 'linkedin';
  if (key.includes('email')) return 'email';
  if (/phone|mobile/.test(key)) return 'phone';
  return null;
}

/**
 * A first mapping of a file's headers. A single-valued field goes to the first column that names it. In a
 * deal file, "Name" (Salesforce's and HubSpot's deal name) is the deal's title when no other column is, and a
 * bare "id" is the deal id; in a contact file, a record id is the contact's (not imported).
 */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const raw = headers.map(guessField);
  const isDealFile = raw.some((f) => f !== null && f !== 'dealId' && IMPORT_FIELDS[f].deal);
  const mapping: ColumnMapping = [];
  const taken = new Set<ImportField>();
  raw.forEach((field, i) => {
    let f = field;
    if (f === 'dealId' && !isDealFile) f = null;
    if (f && !IMPORT_FIELDS[f].multi && taken.has(f)) f = null;
    if (f) taken.add(f);
    mapping[i] = f;
  });
  // A deal file whose only name column is "Name"/"Deal Name": that is the deal, and the company is the contact.
  const nameCol = mapping.indexOf('name');
  if (isDealFile && nameCol >= 0 && !taken.has('dealTitle') && headerKey(headers[nameCol] ?? '') === 'name') {
    mapping[nameCol] = 'dealTitle';
  }
  return mapping;
}

export type FileFormat =
  | 'hubspot-contacts'
  | 'hubspot-deals'
  | 'salesforce-contacts'
  | 'salesforce-opportunities'
  | 'pipedrive-persons'
  | 'pipedrive-deals'
  | 'opportunities'
  | 'prospector'
  | 'contacts'
  | 'deals';

/** Which export a file looks like, to say so in the wizard ("Looks like a HubSpot deals export"). */
export function detectFormat(headers: readonly string[]): FileFormat {
  const keys = new Set(headers.map(headerKey));
  const has = (...k: string[]) => k.every((x) => keys.has(x));
  const some = (re: RegExp) => headers.some((h) => re.test(h));
  if (has('dealid', 'dealname', 'dealstage', 'status') && keys.has('linkedin')) return 'prospector';
  if (some(/^(Deal|Person|Organization) - /)) return some(/^Deal - /) ? 'pipedrive-deals' : 'pipedrive-persons';
  if (has('recordid', 'dealname') || has('dealname', 'dealstage', 'pipeline')) return 'hubspot-deals';
  if (has('recordid', 'firstname') || has('lifecyclestage')) return 'hubspot-contacts';
  if (has('opportunityname') || (has('stage', 'closedate') && keys.has('accountname')))
    return 'salesforce-opportunities';
  if (has('mailingcity') || has('contactid', 'accountname') || has('reportsto')) return 'salesforce-contacts';
  if (keys.has('opportunityid') || keys.has('salesagent') || keys.has('engagedate') || keys.has('closevalue')) {
    return 'opportunities';
  }
  const mapping = guessMapping(headers);
  return mapping.some((f) => f !== null && IMPORT_FIELDS[f].deal) ? 'deals' : 'contacts';
}
