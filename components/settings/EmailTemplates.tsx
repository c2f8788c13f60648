import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { newId, type Settings } from '@/lib/model';
import type { SettingsChange } from '@/lib/settings/store';
import type { EmailTemplate } from '@/lib/tasks/compose';

/** One template's fields, edited as a draft and saved with its button (a message is long: no save per keystroke). */
function TemplateEditor({
  template,
  onSave,
  onRemove,
}: {
  template: EmailTemplate;
  onSave: (next: EmailTemplate) => void;
  onRemove: () => void;
}) {
  const [draft, setDraft] = useState(template);
  const changed = JSON.stringify(draft) !== JSON.stringify(template);
  const field = (key: 'name' | 'subject') => ({
    value: draft[key],
    maxLength: key === 'name' ? 200 : 500,
    onInput: (e: { currentTarget: HTMLInputElement }) => setDraft({ ...draft, [key]: e.currentTarget.value }),
  });
  return (
    <fieldset class="template-edit" data-testid="email-template">
      <legend>{draft.name || t('settings_templateName')}</legend>
      <label>
        <span>{t('settings_templateName')}</span>
        <input data-testid="template-name" {...field('name')} />
      </label>
      <label>
        <span>{t('settings_templateSubject')}</span>
        <input data-testid="template-subject" {...field('subject')} />
      </label>
      <label>
        <span>{t('settings_templateBody')}</span>
        <textarea
          rows={6}
          data-testid="template-body"
          maxLength={10_000}
          value={draft.body}
          onInput={(e) => setDraft({ ...draft, body: e.currentTarget.value })}
        />
      </label>
      <div class="form-actions">
        <button type="button" data-testid="template-save" disabled={!changed} onClick={() => onSave(draft)}>
          {t('detail_save')}
        </button>
        <button type="button" class="link" onClick={onRemove}>
          {t('settings_templateRemove')}
        </button>
      </div>
    </fieldset>
  );
}

/** Settings → follow-up emails: where drafts open, and the templates they start from. */
export function EmailTemplates({ settings, save }: { settings: Settings; save: (change: SettingsChange) => void }) {
  const replace = (id: string, next: EmailTemplate | null) =>
    save((s) => ({
      emailTemplates: s.emailTemplates.flatMap((x) => (x.id === id ? (next ? [next] : []) : [x])),
    }));
  return (
    <section class="settings-section" aria-labelledby="email-title">
      <h2 id="email-title">{t('settings_emailTitle')}</h2>
      <label>
        <span>{t('settings_composeWith')}</span>
        <select
          data-testid="settings-compose-with"
          value={settings.composeWith}
          onChange={(e) => save({ composeWith: e.currentTarget.value as Settings['composeWith'] })}
        >
          <option value="mailto">{t('settings_composeMailto')}</option>
          <option value="gmail">{t('settings_composeGmail')}</option>
          <option value="outlook">{t('settings_composeOutlook')}</option>
        </select>
      </label>
      <h3>{t('settings_templates')}</h3>
      <p class="muted small">{t('settings_templatesHelp')}</p>
      {settings.emailTemplates.map((tpl) => (
        <TemplateEditor
          key={tpl.id}
          template={tpl}
          onSave={(next) => replace(tpl.id, next)}
          onRemove={() => replace(tpl.id, null)}
        />
      ))}
      <button
        type="button"
        data-testid="template-add"
        onClick={() =>
          save((s) => ({
            emailTemplates: [
              ...s.emailTemplates,
              { id: newId(), name: '', subject: t('email_defaultSubject'), body: t('email_defaultBody') },
            ],
          }))
        }
      >
        {t('settings_templateAdd')}
      </button>
    </section>
  );
}
