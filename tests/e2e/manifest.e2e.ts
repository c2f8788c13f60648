// The shipped manifests (npm run build:all), as Chrome and Firefox read them: no host permission at install, the
// auto-detect sites as optional permissions in both, an explicit CSP without eval, Firefox versions that read the
// data-collection promise. web-ext lint runs on the Firefox build in npm test (npm run lint:firefox).
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { autoDetectOrigins } from '../../lib/extract/site-list';
import { SHIPPED_DIR } from './harness';

const manifest = async (dir: string) => JSON.parse(await readFile(`${SHIPPED_DIR}/${dir}/manifest.json`, 'utf8'));

/** A CSP string's directives: name → sources. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

describe('the shipped manifests', () => {
  it('Chrome: the auto-detect sites are optional host permissions, extension pages have their own CSP', async () => {
    const m = await manifest('chrome-mv3');
    expect(m.manifest_version).toBe(3);
    expect(m.host_permissions ?? []).toEqual([]);
    // The auto-detect sites, and the team's CouchDB (Settings → Team asks for its one origin in the rep's click).
    expect(m.optional_host_permissions).toEqual([
      ...autoDetectOrigins(),
      'https://*/*',
      'http://localhost/*',
      'http://127.0.0.1/*',
    ]);
    expect(m.optional_host_permissions).toContain('https://outlook.cloud.microsoft/*');
    const csp = directives(m.content_security_policy.extension_pages);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
  });

  it('Firefox: the same sites as optional permissions (MV2), a CSP, versions that read data_collection_permissions', async () => {
    const m = await manifest('firefox-mv2');
    expect(m.manifest_version).toBe(2);
    expect(m.optional_permissions).toEqual(autoDetectOrigins());
    expect(m.optional_host_permissions).toBeUndefined();
    const csp = directives(m.content_security_policy);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    const gecko = m.browser_specific_settings.gecko;
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
    expect(Number.parseFloat(gecko.strict_min_version)).toBeGreaterThanOrEqual(140);
    expect(Number.parseFloat(m.browser_specific_settings.gecko_android.strict_min_version)).toBeGreaterThanOrEqual(142);
  });

  it('no eval anywhere, and outgoing connections only for team sync (https, or http on this computer)', async () => {
    for (const csp of [
      (await manifest('chrome-mv3')).content_security_policy.extension_pages,
      (await manifest('firefox-mv2')).content_security_policy,
    ]) {
      expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval/);
      expect(directives(csp).get('connect-src')).toEqual([
        "'self'",
        'https:',
        'http://localhost:*',
        'http://127.0.0.1:*',
      ]);
    }
  });
});
