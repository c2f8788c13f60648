import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { send } from '@/lib/messaging/client';
import type { Contact, Deal } from '@/lib/model';
import { MAX_TEXT } from '@/lib/model/limits';
import {
  type ContactForm,
  contactForm,
  contactPatch,
  type DealForm,
  dealForm,
  dealPatch,
  FormError,
  invalidEmails,
  parseEmails,
} from '@/lib/popup/edits';
import { Field, FormFooter, type InlineFormProps, onFormKeyDown, runSave, useFocusOnOpen } from './form-parts';

/**
 * Edits the contact's details and the deal's title, amount and expected close. Only the fields the rep changed
 * are sent: those contact fields become protected from later captures (contact.update).
 */
export default function EditForm({
  contact,
  deal,
  onClose,
}: InlineFormProps & { contact: Contact; deal: Deal | null }) {
  const [c0] = useState(() => contactForm(contact));
  const [d0] = useState(() => (deal ? dealForm(deal) : null));
  const [c, setC] = useState<ContactForm>(c0);
  const [d, setD] = useState<DealForm | null>(d0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const focus = useFocusOnOpen<HTMLInputElement>();
  const setContact = (k: keyof ContactForm) => (e: { currentTarget: { value: string } }) =>
    setC((v) => ({ ...v, [k]: e.currentTarget.value }));
  const setDeal = (k: keyof DealForm) => (e: { currentTarget: { value: string } }) =>
    setD((v) => (v ? { ...v, [k]: e.currentTarget.value } : v));

  function submit(e: Event) {
    e.preventDefault();
    const bad = invalidEmails(parseEmails(c.emails));
    if (bad.length) return setError(t('popup_badEmail', bad.join(', ')));
    if (!c.name.trim() && !parseEmails(c.emails).length) return setError(t('popup_needNameOrEmail'));
    let dPatch = {};
    try {
      dPatch = d && d0 ? dealPatch(d0, d) : {};
    } catch (err) {
      if (!(err instanceof FormError)) throw err;
      return setError(
        t(
          err.message === 'currency'
            ? 'popup_badCurrency'
            : err.message === 'date'
              ? 'popup_badDate'
              : 'popup_badAmount',
        ),
      );
    }
    const cPatch = contactPatch(c0, c);
    void runSave(
      setBusy,
      setError,
      async () => {
        if (Object.keys(cPatch).length) await send('contact.update', { contactId: contact.id, patch: cPatch });
        if (deal && Object.keys(dPatch).length) await send('deal.update', { dealId: deal.id, patch: dPatch });
      },
      onClose,
    );
  }

  return (
    <form class="inline-form" data-testid="edit-form" onKeyDown={onFormKeyDown(onClose)} onSubmit={submit}>
      <Field label={t('fieldName')}>
        <input ref={focus} maxLength={MAX_TEXT} value={c.name} data-testid="edit-name" onInput={setContact('name')} />
      </Field>
      <Field label={t('fieldJobTitle')}>
        <input maxLength={MAX_TEXT} value={c.jobTitle} data-testid="edit-jobTitle" onInput={setContact('jobTitle')} />
      </Field>
      <Field label={t('fieldCompany')}>
        <input maxLength={MAX_TEXT} value={c.company} data-testid="edit-company" onInput={setContact('company')} />
      </Field>
      <Field label={t('fieldEmails')} hint={t('popup_onePerLine')}>
        <textarea rows={2} value={c.emails} data-testid="edit-emails" onInput={setContact('emails')} />
      </Field>
      <Field label={t('fieldPhones')} hint={t('popup_onePerLine')}>
        <textarea rows={2} value={c.phones} data-testid="edit-phones" onInput={setContact('phones')} />
      </Field>
      <Field label={t('fieldLocation')}>
        <input maxLength={MAX_TEXT} value={c.location} onInput={setContact('location')} />
      </Field>
      {d && (
        <fieldset class="deal-fields">
          <legend>{t('popup_dealDetails')}</legend>
          <Field label={t('popup_dealTitle')}>
            <input maxLength={MAX_TEXT} value={d.title} onInput={setDeal('title')} />
          </Field>
          <div class="field-row">
            <Field label={t('fieldAmount')}>
              <input
                type="number"
                min="0"
                step="any"
                inputMode="decimal"
                value={d.amount}
                data-testid="edit-amount"
                onInput={setDeal('amount')}
              />
            </Field>
            <Field label={t('popup_currency')}>
              <input
                class="currency"
                maxLength={3}
                pattern="[A-Za-z]{3}"
                value={d.currency}
                data-testid="edit-currency"
                onInput={setDeal('currency')}
              />
            </Field>
          </div>
          <Field label={t('popup_expectedClose')}>
            <input type="date" value={d.expectedClose} data-testid="edit-close" onInput={setDeal('expectedClose')} />
          </Field>
        </fieldset>
      )}
      <FormFooter busy={busy} error={error} saveLabel={t('popup_save')} onCancel={onClose} testId="edit" />
    </form>
  );
}
