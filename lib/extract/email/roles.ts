/**
 * Shared and system mailboxes: nobody in particular reads them, so they are never offered as a person
 * (info@, hello@, careers@, sales@, support@, noreply@ … and their Indonesian counterparts).
 */
const ROLE =
  /^(?:info|informasi|hello|halo|hey|contact|kontak|enquiries|inquiries|enquiry|inquiry|careers?|karir|jobs?|lowongan|recruiting|recruitment|hr|hrd|talent|sales|penjualan|marketing|support|help|helpdesk|service|services|customerservice|customercare|cs|care|billing|invoices?|accounts?|finance|keuangan|admin|administrator|office|kantor|team|tim|press|media|news|newsletter|events?|partners?|feedback|orders?|legal|privacy|security|abuse|webmaster|postmaster|hostmaster|mailer-daemon|bounces?|no-?reply|do-?not-?reply|donotreply|notifications?|notify|alerts?|system|mail|email|reply|updates)(?:[-+_][a-z0-9._+-]*)?@/i;

/** True for a shared or system mailbox: info@, sales-team@, noreply+x@ (not hi.tanaka@ or ar.smith@). */
export function isRoleAddress(email: string): boolean {
  return ROLE.test(email);
}
