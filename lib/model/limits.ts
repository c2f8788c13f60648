/** Size limits for anything stored. Kept free of imports: the in-page extractor uses them too. */
export const MAX_TEXT = 500;
export const MAX_NOTE = 20_000;
export const MAX_LIST = 50;
/**
 * An activity's details, in characters (lib/model/activity.ts payloadSize): room for a full note (MAX_NOTE) or a
 * merged contact's emails (MAX_LIST × MAX_TEXT) and their keys. A backup once carried
 * 140 KB payloads that no message between the extension's pages could hold.
 */
export const MAX_PAYLOAD = 32_000;
/** Stage moves kept on one deal: far more than any deal makes, yet a bound on what a file can bring in. */
export const MAX_STAGE_ENTRIES = 10_000;
/** Per-field records (provenance): one per field a contact has, with room to spare. */
export const MAX_FIELDS = 100;
