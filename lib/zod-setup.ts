import { config } from 'zod';

/**
 * zod compiles object schemas with `new Function` where it may, and probes for that with a `new Function('')` the
 * first time a schema is built. Extension pages forbid eval (the manifest's CSP), so the probe only fails, and
 * Firefox and Chrome report each failure as a CSP violation. Jitless zod never probes and never compiles.
 *
 * Import this module first, before any module that builds a schema, in every entry that loads zod (the background,
 * the options page, and the popup's lazily loaded message client): tests/unit/layers/layers.test.ts checks the
 * order in which the modules are evaluated.
 */
config({ jitless: true });
