import { t } from '@/lib/i18n';
import { type OwnerScope, TEAM_SCOPE } from '@/lib/pipeline/owner-scope';

/**
 * "My deals | Team", and with Team an owner picker: the one control for whose deals the board, contacts, forecast
 * and analytics show, in the same words everywhere. The view keeps the choice in its URL (scopeToParams).
 */
export function OwnerScopeControl(props: {
  scope: OwnerScope;
  /** The owners the deals name, for the picker. */
  owners: readonly string[];
  onChange: (scope: OwnerScope) => void;
}) {
  const { scope, onChange } = props;
  const chosen = scope.mine ? '' : scope.owner;
  // The chosen owner stays listed while the list that knows the owners is on its way.
  const owners = chosen && !props.owners.includes(chosen) ? [chosen, ...props.owners] : props.owners;
  return (
    <div class="owner-scope" data-testid="owner-scope">
      <fieldset class="segmented">
        <legend>{t('scope_label')}</legend>
        <button
          type="button"
          data-testid="scope-mine"
          aria-pressed={scope.mine ? 'true' : 'false'}
          onClick={() => onChange({ mine: true })}
        >
          {t('scope_mine')}
        </button>
        <button
          type="button"
          data-testid="scope-team"
          aria-pressed={scope.mine ? 'false' : 'true'}
          onClick={() => !scope.mine || onChange(TEAM_SCOPE)}
        >
          {t('scope_team')}
        </button>
      </fieldset>
      {!scope.mine && (
        <label class="owner-scope-owner">
          <span>{t('scope_owner')}</span>
          <select
            data-testid="owner-filter"
            value={chosen}
            onChange={(e) => onChange({ mine: false, owner: e.currentTarget.value })}
          >
            <option value="">{t('scope_everyone')}</option>
            {owners
              .filter((o) => o)
              .map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
          </select>
        </label>
      )}
    </div>
  );
}
