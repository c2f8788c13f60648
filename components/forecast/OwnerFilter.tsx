import { t } from '@/lib/i18n';

/** The reports' owner filter: everyone, or one owner's deals (kept in the view's URL as `owner`). */
export function OwnerFilter(props: {
  owners: string[];
  value: string | null;
  onChange: (owner: string | null) => void;
}) {
  // The chosen owner stays listed while the report that knows the owners is on its way.
  const owners = props.value && !props.owners.includes(props.value) ? [props.value, ...props.owners] : props.owners;
  return (
    <label>
      {t('quota_owner')}
      <select
        data-testid="owner-filter"
        value={props.value ?? ''}
        onChange={(e) => props.onChange(e.currentTarget.value || null)}
      >
        <option value="">{t('owners_everyone')}</option>
        {owners.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );
}
