import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { describeError } from '@/lib/errors';
import { t } from '@/lib/i18n';
import { send } from '@/lib/messaging/client';
import type { Contact, ContactPatch } from '@/lib/model';
import { allUrls } from '@/lib/pipeline/profile-urls';
import { sourceLabel } from '../source-label';
import { provenanceText } from './provenance';

const TEXT_FIELDS = [
  ['name', 'fieldName'],
  ['givenName', 'detail_givenName'],
  ['familyName', 'detail_familyName'],
  ['jobTitle', 'fieldJobTitle'],
  ['company', 'fieldCompany'],
  ['companyDomain', 'detail_companyDomain'],
  ['location', 'fieldLocation'],
] as const;
const LIST_FIELDS = [
  ['emails', 'fieldEmails'],
  ['phones', 'fieldPhones'],
] as const;

const lines = (text: string) =>
  text
    .split(/[\n,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** Every field of the contact, each with where its value came from; Edit changes them (protected from recapture). */
export function FieldList({ contact }: { contact: Contact }) {
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState('');
  const urls = allUrls(contact.urls);
  if (editing) {
    return (
      <section aria-labelledby="fields-title">
        <h3 id="fields-title">{t('detail_details')}</h3>
        <form
          class="field-form"
          data-testid="contact-edit"
          onSubmit={async (e) => {
            e.preventDefault();
            const form = new FormData(e.currentTarget);
            const patch: ContactPatch = {};
            for (const [f] of TEXT_FIELDS) {
              const v = String(form.get(f) ?? '').trim();
              if (v !== contact[f]) patch[f] = v;
            }
            for (const [f] of LIST_FIELDS) {
              const v = lines(String(form.get(f) ?? ''));
              if (v.join('\n') !== contact[f].join('\n')) patch[f] = v;
            }
            const tags = lines(String(form.get('tags') ?? ''));
            if (tags.join('\n') !== contact.tags.join('\n')) patch.tags = tags;
            const notes = String(form.get('notes') ?? '');
            if (notes !== contact.notes) patch.notes = notes;
            try {
              if (Object.keys(patch).length) await send('contact.update', { contactId: contact.id, patch });
              setEditing(false);
            } catch (err) {
              setError(describeError(err));
            }
          }}
        >
          {TEXT_FIELDS.map(([f, label]) => (
            <label key={f}>
              <span>{t(label)}</span>
              <input name={f} defaultValue={contact[f]} maxLength={500} />
            </label>
          ))}
          {LIST_FIELDS.map(([f, label]) => (
            <label key={f}>
              <span>{t(label)}</span>
              <textarea name={f} rows={2} defaultValue={contact[f].join('\n')} />
            </label>
          ))}
          <label>
            <span>{t('detail_tags')}</span>
            <input name="tags" defaultValue={contact.tags.join(', ')} />
          </label>
          <label>
            <span>{t('detail_notes')}</span>
            <textarea name="notes" rows={4} defaultValue={contact.notes} maxLength={20_000} />
          </label>
          {error && (
            <p class="error" role="alert">
              {error}
            </p>
          )}
          <div class="form-actions">
            <button type="submit" class="primary">
              {t('detail_save')}
            </button>
            <button type="button" onClick={() => setEditing(false)}>
              {t('detail_cancel')}
            </button>
          </div>
        </form>
      </section>
    );
  }
  const row = (field: string, label: string, value: ComponentChildren, empty: boolean) => (
    <div class="field" key={field}>
      <dt>{label}</dt>
      <dd>
        {empty ? <span class="muted">—</span> : value}
        {!empty && contact.provenance[field] && (
          <small class="provenance" data-testid={`provenance-${field}`}>
            {provenanceText(contact.provenance[field])}
          </small>
        )}
      </dd>
    </div>
  );
  return (
    <section aria-labelledby="fields-title">
      <div class="section-head">
        <h3 id="fields-title">{t('detail_details')}</h3>
        {contact.deletedAt === null && (
          <button type="button" data-testid="edit-contact" onClick={() => setEditing(true)}>
            {t('detail_edit')}
          </button>
        )}
      </div>
      <dl class="fields">
        {TEXT_FIELDS.map(([f, label]) => row(f, t(label), contact[f], !contact[f]))}
        {LIST_FIELDS.map(([f, label]) =>
          row(
            f,
            t(label),
            <ul class="plain-list">
              {contact[f].map((v) => (
                <li key={v}>
                  {f === 'emails' ? (
                    <a href={`mailto:${v}`}>{v}</a>
                  ) : (
                    <a href={`tel:${v.replace(/[^\d+]/g, '')}`}>{v}</a>
                  )}
                </li>
              ))}
            </ul>,
            contact[f].length === 0,
          ),
        )}
        {row(
          'urls',
          t('fieldUrls'),
          <ul class="plain-list">
            {urls.map((u) => (
              <li key={u}>
                {/^https?:\/\//i.test(u) ? (
                  <a href={u} target="_blank" rel="noopener noreferrer">
                    {u}
                  </a>
                ) : (
                  u
                )}
              </li>
            ))}
          </ul>,
          urls.length === 0,
        )}
        {row('tags', t('detail_tags'), contact.tags.join(', '), contact.tags.length === 0)}
        {row('notes', t('detail_notes'), <p class="pre">{contact.notes}</p>, !contact.notes)}
        {row(
          'source',
          t('fieldSource'),
          <>
            {contact.source.site && sourceLabel(contact.source.site)}
            {/^https?:\/\//i.test(contact.source.url) && (
              <>
                {' · '}
                <a href={contact.source.url} target="_blank" rel="noopener noreferrer">
                  {contact.source.url}
                </a>
              </>
            )}
          </>,
          !contact.source.url && !contact.source.site,
        )}
      </dl>
    </section>
  );
}
