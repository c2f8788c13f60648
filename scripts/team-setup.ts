// npm run team:setup -- URL [--db NAME] [--members a,b] [--readers c] [--member-role R] [--reader-role R]
// Creates a team's database on a CouchDB server. URL carries an admin's credentials, e.g.
// https://admin:secret@couch.example.com — or give them in COUCHDB_USER / COUCHDB_PASSWORD. See docs/team-sync.md.
import { parseArgs } from 'node:util';
import { DEFAULT_READER_ROLE, setUpTeamDatabase } from '../lib/sync/server-setup';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    db: { type: 'string', default: 'prospector' },
    members: { type: 'string', default: '' },
    readers: { type: 'string', default: '' },
    'member-role': { type: 'string', default: 'prospector' },
    'reader-role': { type: 'string', default: DEFAULT_READER_ROLE },
  },
});
const list = (s: string | undefined) =>
  (s ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

const [address] = positionals;
if (!address) {
  console.error('Usage: npm run team:setup -- https://admin:password@couch.example.com --db sales --members ana,budi');
  process.exit(2);
}
const url = new URL(address);
const user = decodeURIComponent(url.username) || process.env.COUCHDB_USER || '';
const password = decodeURIComponent(url.password) || process.env.COUCHDB_PASSWORD || '';
url.username = '';
url.password = '';
const base = url.href.replace(/\/+$/, '');
const auth: Record<string, string> = user
  ? { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` }
  : {};

try {
  const done = await setUpTeamDatabase(
    async (method, path, body) => {
      const res = await fetch(`${base}/${path}`, {
        method,
        headers: { ...auth, 'content-type': 'application/json', accept: 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : {} };
    },
    values.db ?? 'prospector',
    {
      members: list(values.members),
      readers: list(values.readers),
      memberRoles: list(values['member-role']),
      readerRoles: list(values['reader-role']),
    },
  );
  for (const line of done) console.log(`✓ ${line}`);
  console.log(`Reps connect with: server ${base}, database ${values.db}, their own user name and password.`);
} catch (err) {
  // Never print the URL: it may carry the admin's password.
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
}
