/**
 * Sets up a team's database on a CouchDB server (npm run team:setup): the database, its security object and the
 * design document whose validate_doc_update guards writes. Run by an admin; see docs/team-sync.md.
 */

export interface TeamSetup {
  /** Team members by user name: read and write. */
  members: string[];
  /** Read-only members by user name: may read everything and add notes, never change deals. */
  readers: string[];
  /** CouchDB roles that make a user a member / a read-only member (given in the _users documents). */
  memberRoles: string[];
  readerRoles: string[];
}

export const DEFAULT_READER_ROLE = 'prospector-readonly';

/**
 * The validation function, with the team's lists written in: pouchdb-server passes validate_doc_update an empty
 * security object, so membership cannot rest on `_security` alone there. On Apache CouchDB the security object's
 * members count too, and `_security` also guards reads, which validate_doc_update cannot.
 */
export function validateFunction(team: TeamSetup): string {
  const lists = JSON.stringify(team);
  return `function (newDoc, oldDoc, userCtx, secObj) {
  var team = ${lists};
  var roles = userCtx.roles || [];
  if (roles.indexOf('_admin') !== -1) return;
  function isIn(names, someRoles) {
    if ((names || []).indexOf(userCtx.name) !== -1) return true;
    for (var i = 0; i < (someRoles || []).length; i++) if (roles.indexOf(someRoles[i]) !== -1) return true;
    return false;
  }
  var sec = secObj && secObj.members ? secObj.members : {};
  var reader = isIn(team.readers, team.readerRoles);
  // _security lists read-only members too (it is what lets them read): it makes a writer only of the others.
  var member = isIn(team.members, team.memberRoles) || (!reader && isIn(sec.names, sec.roles));
  if (!member && !reader) throw { forbidden: 'Only members of this team can change its pipeline.' };
  if (newDoc._id.indexOf('_design/') === 0) throw { forbidden: 'Only an admin can change the design document.' };
  var kind = newDoc.kind || (oldDoc && oldDoc.kind) || String(newDoc._id).split(':')[0];
  if (reader && !member && (kind === 'deal' || kind === 'stage'))
    throw { forbidden: 'Read-only members cannot change deals or stages.' };
  if (!newDoc._deleted && newDoc.by !== userCtx.name)
    throw { forbidden: 'A change must name the user who made it.' };
}`;
}

export type SetupRequest = (method: string, path: string, body?: unknown) => Promise<{ status: number; body: unknown }>;

/** Creates (or updates) the team's database, security object and design document. Idempotent. */
export async function setUpTeamDatabase(request: SetupRequest, db: string, team: TeamSetup): Promise<string[]> {
  const done: string[] = [];
  const path = encodeURIComponent(db);
  const created = await request('PUT', path);
  if (created.status === 201 || created.status === 202) done.push(`created database ${db}`);
  else if (created.status === 412) done.push(`database ${db} exists`);
  else throw new Error(`Could not create ${db}: HTTP ${created.status} ${JSON.stringify(created.body)}`);

  const security = {
    admins: { names: [], roles: [] },
    members: {
      names: [...new Set([...team.members, ...team.readers])],
      roles: [...new Set([...team.memberRoles, ...team.readerRoles])],
    },
  };
  const sec = await request('PUT', `${path}/_security`, security);
  if (sec.status >= 300) throw new Error(`Could not set ${db}/_security: HTTP ${sec.status}`);
  done.push('set the security object (members and read-only members)');

  const ddocPath = `${path}/_design/prospector`;
  const current = await request('GET', ddocPath);
  const rev = current.status === 200 ? (current.body as { _rev?: string })._rev : undefined;
  const ddoc = { ...(rev ? { _rev: rev } : {}), language: 'javascript', validate_doc_update: validateFunction(team) };
  const put = await request('PUT', ddocPath, ddoc);
  if (put.status >= 300) throw new Error(`Could not write the design document: HTTP ${put.status}`);
  done.push('wrote _design/prospector (validate_doc_update)');
  return done;
}
