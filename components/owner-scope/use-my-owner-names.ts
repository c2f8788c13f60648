import { useMemo } from 'preact/hooks';
import { useTeamUser } from '@/components/popup/use-team-user';
import { useLiveQuery } from '@/components/use-live-query';
import { myOwnerNames } from '@/lib/pipeline/owner-scope';
import { ownersByName } from '@/lib/read/team';

/**
 * The owner texts "My deals" matches (lib/pipeline/owner-scope.ts myOwnerNames): the signed-in team user, the
 * owner name in Settings and their other spellings in the owners list (Settings → Owners).
 */
export function useMyOwnerNames(localOwner: string): readonly string[] {
  const teamUser = useTeamUser();
  const owners = useLiveQuery(ownersByName, []);
  const names = myOwnerNames({ teamUser, localOwner }, owners ?? []);
  // The same array while the names are the same: the board re-filters every column on a new one.
  const key = names.join('\u0000');
  return useMemo(() => names, [key]);
}
