import { useEffect, useState } from 'preact/hooks';

/**
 * The rep's team user name when connected to a team ('' otherwise), read after the first screen is drawn so the
 * popup's open path reads nothing more. From the sync status (lib/sync/team-storage.ts), which holds no password.
 */
export function useTeamUser(): string {
  const [user, setUser] = useState('');
  useEffect(() => {
    void browser.storage.local.get('teamStatus').then((got) => {
      const status = got.teamStatus as { state?: unknown; user?: unknown } | undefined;
      if (status && status.state !== 'off' && typeof status.user === 'string') setUser(status.user);
    });
  }, []);
  return user;
}
