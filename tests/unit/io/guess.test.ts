import { describe, expect, it } from 'vitest';
import { t } from '@/lib/i18n';
import { detectFormat, guessField, guessMapping } from '@/lib/io/guess-columns';
import { guessStage, guessStageMapping, parseStatus } from '@/lib/io/guess-stages';
import { withField } from '@/lib/io/import-fields';
import { DEFAULT_PIPELINE, SHORT_PIPELINE, stagesFromTemplate } from '@/lib/pipeline/default-stages';

const stages = stagesFromTemplate(DEFAULT_PIPELINE, (k) => t(k));

describe('guessing columns from headers', () => {
  it('maps the generic opportunity list', () => {
    const h = [
      'opportunity_id',
      'sales_agent',
      'product',
      'account',
      'deal_stage',
      'engage_date',
      'close_date',
      'close_value',
    ];
    expect(guessMapping(h)).toEqual([
      'dealId',
      'owner',
      'product',
      'company',
      'stage',
      'createdDate',
      'closeDate',
      'amount',
    ]);
    expect(detectFormat(h)).toBe('opportunities');
  });

  it('maps HubSpot contact and deal exports', () => {
    const contacts = [
      'Record ID',
      'First Name',
      'Last Name',
      'Email',
      'Phone Number',
      'Job Title',
      'Company Name',
      'City',
      'Country/Region',
      'Contact owner',
      'Lifecycle Stage',
      'Create Date',
    ];
    expect(guessMapping(contacts)).toEqual([
      null,
      'givenName',
      'familyName',
      'email',
      'phone',
      'jobTitle',
      'company',
      'location',
      'location',
      'owner',
      'stage',
      'createdDate',
    ]);
    expect(detectFormat(contacts)).toBe('hubspot-contacts');
    const deals = [
      'Record ID',
      'Deal Name',
      'Deal Stage',
      'Pipeline',
      'Amount',
      'Close Date',
      'Create Date',
      'Deal owner',
      'Associated Company',
    ];
    expect(guessMapping(deals)).toEqual([
      'dealId',
      'dealTitle',
      'stage',
      null,
      'amount',
      'closeDate',
      'createdDate',
      'owner',
      'company',
    ]);
    expect(detectFormat(deals)).toBe('hubspot-deals');
  });

  it('maps Salesforce opportunity exports', () => {
    const h = [
      'Opportunity Name',
      'Account Name',
      'Amount',
      'Close Date',
      'Stage',
      'Probability (%)',
      'Opportunity Owner',
      'Created Date',
      'Lead Source',
    ];
    expect(guessMapping(h)).toEqual([
      'dealTitle',
      'company',
      'amount',
      'closeDate',
      'stage',
      null,
      'owner',
      'createdDate',
      null,
    ]);
    expect(detectFormat(h)).toBe('salesforce-opportunities');
  });

  it('maps Pipedrive exports with their "Object - Field" headers', () => {
    const h = [
      'Deal - ID',
      'Deal - Title',
      'Deal - Value',
      'Deal - Currency of Value',
      'Deal - Organization',
      'Deal - Contact person',
      'Person - Email',
      'Deal - Stage',
      'Deal - Status',
      'Deal - Owner',
      'Deal - Deal created',
      'Deal - Expected close date',
      'Deal - Won time',
      'Deal - Lost time',
      'Deal - Lost reason',
    ];
    expect(guessMapping(h)).toEqual([
      'dealId',
      'dealTitle',
      'amount',
      'currency',
      'company',
      'name',
      'email',
      'stage',
      'status',
      'owner',
      'createdDate',
      'expectedClose',
      'closeDate',
      'closeDate',
      'lostReason',
    ]);
    expect(detectFormat(h)).toBe('pipedrive-deals');
    const persons = [
      'Person - Name',
      'Person - Organization',
      'Person - Email - Work',
      'Person - Phone - Mobile',
      'Person - Owner',
      'Person - Label',
    ];
    expect(guessMapping(persons)).toEqual(['name', 'company', 'email', 'phone', 'owner', 'tags']);
    expect(detectFormat(persons)).toBe('pipedrive-persons');
  });

  it('in a deal file, a bare "Name" is the deal, and a record id only counts there', () => {
    expect(guessMapping(['Name', 'Account Name', 'Amount', 'Stage'])).toEqual([
      'dealTitle',
      'company',
      'amount',
      'stage',
    ]);
    expect(guessMapping(['Name', 'Email', 'Id'])).toEqual(['name', 'email', null]);
    expect(guessField('E-mail Address')).toBe('email');
    expect(guessField('LinkedIn Profile URL')).toBe('linkedin');
    expect(guessField('Favourite colour')).toBeNull();
  });

  it('gives a single-valued field to one column only', () => {
    expect(guessMapping(['Stage', 'Lifecycle Stage'])).toEqual(['stage', null]);
    expect(withField(['stage', null, 'email', 'email'], 1, 'stage')).toEqual([null, 'stage', 'email', 'email']);
    expect(withField(['stage', null, 'email', null], 3, 'email')).toEqual(['stage', null, 'email', 'email']);
  });
});

describe('guessing stages from a file’s stage values', () => {
  it('maps CRM stage names onto the default pipeline', () => {
    const m = guessStageMapping(
      [
        'Prospecting',
        'Engaging',
        'Won',
        'Lost',
        'Closed Won',
        'closedlost',
        'Negotiation/Review',
        'Proposal/Price Quote',
        'qualifiedtobuy',
        'Demo / trial',
        'Initial contact',
      ],
      stages,
    );
    expect(m).toEqual({
      prospecting: 'prospecting',
      engaging: 'initial_contact',
      won: 'won',
      lost: 'lost',
      closedwon: 'won',
      closedlost: 'lost',
      negotiationreview: 'closing',
      proposalpricequote: 'proposal',
      qualifiedtobuy: 'qualification',
      demotrial: 'demo',
      initialcontact: 'initial_contact',
    });
  });

  it('falls back to the first open stage and says it is not sure', () => {
    expect(guessStage('Zzz', stages)).toEqual({ stageId: 'prospecting', sure: false });
    expect(guessStage('Won', stages)).toEqual({ stageId: 'won', sure: true });
  });

  it('uses the short pipeline’s stages when that is the rep’s', () => {
    const short = stagesFromTemplate(SHORT_PIPELINE, (k) => t(k));
    expect(guessStage('Engaging', short).stageId).toBe('lead');
    expect(guessStage('Qualified', short).stageId).toBe('qualified');
    expect(guessStage('Closed Won', short).stageId).toBe('won');
  });

  it('reads status columns', () => {
    expect(['won', 'Won', 'lost', 'open', 'Closed Lost', 'maybe'].map(parseStatus)).toEqual([
      'won',
      'won',
      'lost',
      'open',
      'lost',
      null,
    ]);
  });
});
