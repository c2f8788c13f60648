// Adds or updates UI strings in both locales without rewriting anyone else's:
//   node scripts/i18n-add.mjs strings.json     where strings.json is {"key": {"en": "…", "id": "…"}, …}
// Keys are kept sorted within each file, so concurrent additions never fight over the end of the file.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const input = JSON.parse(readFileSync(process.argv[2], 'utf8'));
for (const lang of ['en', 'id']) {
  const path = resolve(import.meta.dirname, `../public/_locales/${lang}/messages.json`);
  const catalog = JSON.parse(readFileSync(path, 'utf8'));
  for (const [key, texts] of Object.entries(input)) {
    if (!/^[A-Za-z0-9_]+$/.test(key)) throw new Error(`Bad key ${key}: letters, digits and _ only.`);
    if (typeof texts[lang] !== 'string' || !texts[lang].trim()) throw new Error(`${key} has no ${lang} text.`);
    catalog[key] = { ...catalog[key], message: texts[lang] };
  }
  const sorted = Object.fromEntries(
    Object.keys(catalog)
      .sort()
      .map((k) => [k, catalog[k]]),
  );
  writeFileSync(`${path}.tmp`, `${JSON.stringify(sorted, null, 2)}\n`);
  renameSync(`${path}.tmp`, path);
}
console.log(`Added ${Object.keys(input).length} strings to en and id.`);
