import { useLiveQuery } from '@/components/use-live-query';

import { t } from '@/lib/i18n';
import { send } from '@/lib/messaging/client';
import type { Settings } from '@/lib/model';
import { contactDetail } from '@/lib/read/contact-detail';
import { formatDateTime } from '../board/format';
import { ContactTasks } from '../tasks/ContactTasks';
import { DealPanel } from './DealPanel';
import { Duplicates } from './Duplicates';
import { FieldList } from './FieldList';
import { NoteForm } from './NoteForm';
import { StartDeal } from './StartDeal';
import { Timeline } from './Timeline';

/**
 * One contact: every field with where it came from, their deals (stage, amount, BANT, follow-up), notes, the
 * activity timeline, and possible duplicates with one-click merge. Opened from the table, the board, the popup
 * (options.html#contacts?id=…) and reminder notifications.
 */
export function ContactDetail({ contactId, settings }: { contactId: string; settings: Settings }) {
  const data = useLiveQuery((db) => contactDetail(db, contactId), [contactId]);
  if (!data) return <p class="muted">{t('board_loading')}</p>;
  const { contact, deals, stages, noteTexts, emailTexts } = data;
  const back = (
    <p>
      <a href="#contacts">{t('contacts_back')}</a>
    </p>
  );
  if (!contact)
    return (
      <section>
        {back}
        <p role="alert">{t('detail_notFound')}</p>
      </section>
    );
  const name = contact.name || contact.emails[0] || t('unnamed');
  return (
    <article class="contact-detail" aria-labelledby="contact-title" data-testid="contact-detail">
      {back}
      <header class="detail-head">
        <h2 id="contact-title" data-testid="contact-name">
          {name}
        </h2>
        {(contact.honorificPrefix || contact.honorificSuffix) && (
          <p class="muted" data-testid="contact-formal-name">
            {t(
              'detail_formalName',
              [contact.honorificPrefix, [name, contact.honorificSuffix].filter(Boolean).join(', ')]
                .filter(Boolean)
                .join(' '),
            )}
          </p>
        )}
        <p class="muted">{[contact.jobTitle, contact.company].filter(Boolean).join(' · ')}</p>
      </header>
      {contact.demo && (
        <p class="notice" role="status" data-testid="demo-notice">
          {t('demo_contactNotice')}
        </p>
      )}
      {contact.mergedInto && (
        <p class="notice" role="status">
          {t('detail_mergedInto')}{' '}
          <a href={`#contacts?id=${encodeURIComponent(contact.mergedInto)}`}>{t('detail_openKept')}</a>
        </p>
      )}
      {contact.deletedAt !== null && !contact.mergedInto && (
        <p class="notice" role="status">
          {t('contacts_deletedOn', formatDateTime(contact.deletedAt))}{' '}
          <button type="button" onClick={() => void send('contacts.restore', { contactIds: [contact.id] })}>
            {t('contacts_restore')}
          </button>
        </p>
      )}
      <div class="detail-grid">
        <div class="detail-main">
          <section aria-labelledby="deals-title">
            <h3 id="deals-title">{t('detail_deals')}</h3>
            {deals.length === 0 && (
              <p class="muted" data-testid="detail-lead">
                {t('detail_leadNoDeal')}
              </p>
            )}
            {deals.map((deal) => (
              <DealPanel
                key={deal.id}
                deal={deal}
                contact={contact}
                stages={stages}
                settings={settings}
                evidence={{ noteTexts, emailTexts }}
              />
            ))}
            {contact.deletedAt === null &&
              contact.mergedInto === null &&
              !deals.some((d) => d.deletedAt === null && d.outcome === null) && (
                <StartDeal contactId={contact.id} stages={stages} />
              )}
          </section>
          <ContactTasks contact={contact} deals={deals} settings={settings} />
          <section aria-labelledby="notes-title">
            <h3 id="notes-title">{t('detail_addNote')}</h3>
            <NoteForm contactId={contact.id} dealId={deals[0]?.id ?? null} />
          </section>
          <section aria-labelledby="timeline-title">
            <h3 id="timeline-title">{t('detail_timeline')}</h3>
            <Timeline contactId={contact.id} stages={stages} />
          </section>
        </div>
        <div class="detail-side">
          <FieldList contact={contact} />
          {contact.deletedAt === null && <Duplicates contact={contact} />}
        </div>
      </div>
    </article>
  );
}
