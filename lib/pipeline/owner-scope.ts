import type { Owner } from '../model/owner';
import { ownerKey } from '../model/owner-key';

/**
 * Whose deals a view shows, the same in the board, contacts, forecast and analytics: "My deals", or the team's
 * (everyone's, or one owner's). Kept in the view's URL: `mine=1`, or `owner=<name>`, or neither (the team).
 */
export type OwnerScope = { mine: true } | { mine: false; owner: string };

export const TEAM_SCOPE: OwnerScope = { mine: false, owner: '' };

const MAX_PARAM = 200;

export function scopeFromParams(p: URLSearchParams): OwnerScope {
  if (p.get('mine') === '1') return { mine: true };
  return { mine: false, owner: (p.get('owner') ?? '').trim().slice(0, MAX_PARAM) };
}

/** A copy of `params` with the scope in it (and whatever it replaces taken out). */
export function scopeToParams(scope: OwnerScope, params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params);
  next.delete('mine');
  next.delete('owner');
  if (scope.mine) next.set('mine', '1');
  else if (scope.owner) next.set('owner', scope.owner);
  return next;
}

/** Who "me" is: the signed-in team user ('' when not connected) and the owner name in Settings. */
export interface Me {
  teamUser: string;
  localOwner: string;
}

/**
 * The owner texts a deal of mine may carry. Connected: my team user name (what synced deals carry), the owner
 * name in Settings (what a capture writes), and every name and alias of the owners linked to either. Not
 * connected: the Settings name, its owner's names, and no owner at all (a deal in a rep's own browser with no
 * owner is that rep's).
 */
export function myOwnerNames(me: Me, owners: readonly Owner[]): string[] {
  const mine = [me.teamUser, me.localOwner].filter((n) => ownerKey(n));
  const keys = new Set(mine.map(ownerKey));
  const linked = owners.filter(
    (o) => (me.teamUser && o.user === me.teamUser) || [o.name, ...o.aliases].some((n) => keys.has(ownerKey(n))),
  );
  const names = [...mine, ...linked.flatMap((o) => [o.name, ...o.aliases])];
  if (!me.teamUser) names.push('');
  const seen = new Set<string>();
  return names.filter((n) => !seen.has(ownerKey(n)) && seen.add(ownerKey(n)));
}

/**
 * A test on a deal's owner text for a scope: mine (any of `myNames`), one owner (by name, case and accents aside),
 * or anyone's.
 */
export function ownerTest(scope: OwnerScope, myNames: readonly string[]): (owner: string) => boolean {
  if (scope.mine) {
    const keys = new Set(myNames.map(ownerKey));
    return (owner) => keys.has(ownerKey(owner));
  }
  if (!scope.owner) return () => true;
  const key = ownerKey(scope.owner);
  return (owner) => ownerKey(owner) === key;
}

/** The owner choice the reports take: null for everyone, else the names whose deals count. */
export function reportOwners(scope: OwnerScope, myNames: readonly string[]): string[] | null {
  if (scope.mine) return [...myNames];
  return scope.owner ? [scope.owner] : null;
}
