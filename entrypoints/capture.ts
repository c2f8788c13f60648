import { extractPage } from '@/lib/extract/extract-page';

/**
 * Injected on demand (popup, shortcut, context menu) with activeTab: nothing runs on a page until the rep asks.
 * An unlisted script rather than a content script: no wrapper, no polyfill, just the extractor. It reads the
 * page, returns what it found to the injector, touches nothing and opens no database.
 */
export default defineUnlistedScript(() => extractPage(document, location.href));
