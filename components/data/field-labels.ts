import { type MessageKey, t } from '@/lib/i18n';
import type { FileFormat } from '@/lib/io/guess-columns';
import type { ImportField } from '@/lib/io/import-fields';

const FIELD_LABELS: Record<ImportField, MessageKey> = {
  name: 'io_field_name',
  givenName: 'io_field_givenName',
  familyName: 'io_field_familyName',
  jobTitle: 'io_field_jobTitle',
  company: 'io_field_company',
  email: 'io_field_email',
  phone: 'io_field_phone',
  linkedin: 'io_field_linkedin',
  website: 'io_field_website',
  location: 'io_field_location',
  tags: 'io_field_tags',
  notes: 'io_field_notes',
  dealId: 'io_field_dealId',
  dealTitle: 'io_field_dealTitle',
  product: 'io_field_product',
  stage: 'io_field_stage',
  status: 'io_field_status',
  amount: 'io_field_amount',
  currency: 'io_field_currency',
  owner: 'io_field_owner',
  createdDate: 'io_field_createdDate',
  closeDate: 'io_field_closeDate',
  expectedClose: 'io_field_expectedClose',
  lostReason: 'io_field_lostReason',
};

export function fieldLabel(field: ImportField): string {
  return t(FIELD_LABELS[field]);
}

const FORMAT_LABELS: Record<FileFormat, MessageKey> = {
  'hubspot-contacts': 'io_format_hubspotContacts',
  'hubspot-deals': 'io_format_hubspotDeals',
  'salesforce-contacts': 'io_format_salesforceContacts',
  'salesforce-opportunities': 'io_format_salesforceOpportunities',
  'pipedrive-persons': 'io_format_pipedrivePersons',
  'pipedrive-deals': 'io_format_pipedriveDeals',
  opportunities: 'io_format_opportunities',
  prospector: 'io_format_prospector',
  contacts: 'io_format_contacts',
  deals: 'io_format_deals',
};

export function formatLabel(format: FileFormat): string {
  return t(FORMAT_LABELS[format]);
}
