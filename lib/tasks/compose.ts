import type { Contact } from '../model';

/** Where an email follow-up is written: the system's mail app, Gmail or Outlook on the web. */
export type ComposeWith = 'mailto' | 'gmail' | 'outlook';

export interface EmailTemplate {
  id: string;
  name: string;
  subject: string;
  body: string;
}

export interface TemplateValues {
  firstName: string;
  lastName: string;
  fullName: string;
  company: string;
  jobTitle: string;
  myName: string;
}

/** The values a template's placeholders stand for, from the contact and the rep's own name in Settings. */
export function templateValues(contact: Contact, myName: string): TemplateValues {
  const parts = contact.name.trim().split(/\s+/);
  return {
    firstName: contact.givenName || parts[0] || '',
    lastName: contact.familyName || (parts.length > 1 ? parts[parts.length - 1]! : ''),
    fullName: contact.name,
    company: contact.company,
    jobTitle: contact.jobTitle,
    myName,
  };
}

/**
 * A template with `{firstName}`, `{company}`, `{myName}`… filled in. A placeholder it does not know is left as
 * written, so a typo shows in the draft instead of vanishing.
 */
export function fillTemplate(text: string, values: TemplateValues): string {
  return text.replace(/\{(\w{1,20})\}/g, (whole, key: string) =>
    Object.hasOwn(values, key) ? values[key as keyof TemplateValues] : whole,
  );
}

/** The address that opens a prefilled draft to `to` in the rep's chosen mail client. Nothing is sent. */
export function composeUrl(using: ComposeWith, to: string, subject: string, body: string): string {
  const q = (pairs: [string, string][]) => pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
  if (using === 'gmail')
    return `https://mail.google.com/mail/?${q([
      ['view', 'cm'],
      ['fs', '1'],
      ['to', to],
      ['su', subject],
      ['body', body],
    ])}`;
  if (using === 'outlook')
    return `https://outlook.office.com/mail/deeplink/compose?${q([
      ['to', to],
      ['subject', subject],
      ['body', body],
    ])}`;
  return `mailto:${encodeURIComponent(to).replace(/%40/g, '@')}?${q([
    ['subject', subject],
    ['body', body],
  ])}`;
}
