import { useState } from 'preact/hooks';
import { getDb } from '@/lib/db/database';
import { t } from '@/lib/i18n';
import { send } from '@/lib/messaging/client';
import type { Candidate, PageCapture } from '@/lib/model';
import { findContacts } from '@/lib/pipeline/find-contact';
import { useLiveQuery } from './use-live-query';

/** One person found on the page: their stage when already known, else the captured fields and a save button. */
export function CandidateCard({ capture, candidate }: { capture: PageCapture; candidate: Candidate }) {
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  const known = useLiveQuery(async () => {
    const db = getDb();
    const [contact] = await findContacts(db, {
      emails: candidate.emails,
      linkedinUrl: candidate.linkedinUrl,
      name: candidate.name,
      company: candidate.company,
    });
    if (!contact) return null;
    const deal = await db.deals.where('contactId').equals(contact.id).first();
    const stage = deal ? await db.stages.get(deal.stageId) : undefined;
    return { contact, deal, stage };
  }, [candidate]);

  async function save() {
    setSaving(true);
    setError('');
    try {
      await send('capture.save', { capture: { ...capture, candidates: [candidate] } });
    } catch (err) {
      setError(t('saveFailed', err instanceof Error ? err.message : String(err)));
    } finally {
      setSaving(false);
    }
  }

  const rows: [string, string][] = [
    [t('fieldJobTitle'), candidate.jobTitle],
    [t('fieldCompany'), candidate.company],
    [t('fieldEmails'), candidate.emails.join(', ')],
    [t('fieldPhones'), candidate.phones.join(', ')],
    [t('fieldLinkedin'), candidate.linkedinUrl],
    [t('fieldLocation'), candidate.location],
  ];
  return (
    <section class="person" data-testid="candidate">
      <strong data-testid="candidate-name">{candidate.name || candidate.emails[0] || t('unnamed')}</strong>
      <dl>
        {rows
          .filter(([, v]) => v)
          .map(([label, value]) => (
            <>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </>
          ))}
      </dl>
      {known?.stage ? (
        <span class="stage-pill" style={{ background: known.stage.color }} data-testid="contact-stage">
          {known.stage.name}
        </span>
      ) : (
        known === null && (
          <button type="button" class="primary" data-testid="save-candidate" disabled={saving} onClick={save}>
            {t('saveAsProspect')}
          </button>
        )
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
