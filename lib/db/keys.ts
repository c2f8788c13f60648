/**
 * The dedupe keys moved to lib/identity/keys.ts (issue #14: one identity module). This re-export stays so code
 * written against the old path (site adapters being rewritten in parallel) still builds; import from
 * lib/identity in new code.
 */
export { companyKey, foldText, linkedinKey, linkedinUrlFromKey, nameKey } from '../identity/keys';
