import { config } from 'zod';

/**
 * zod compiles object schemas with `new Function` where it may, and probes for that with a `new Function('')` the
 * first time a schema is built. Extension pages forbid eval (the manifest's CSP), so the probe only fails, and
 * Firefox and Chrome report each failure as a CSP violation. Jitless zod never probes and never compiles.
 *
 * Import this module first in every module that builds schemas (lib/model, lib/messaging/protocol.ts, …) and in
 * the background's entry, so it runs before any schema is built however a page loads them: the options page and
 * the popup load zod lazily, after their first screen. tests/unit/layers/layers.test.ts simulates the order in
 * which each entry's modules are evaluated.
 */
config({ jitless: true });
