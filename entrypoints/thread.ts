import { readThread } from '@/lib/extract/thread/read-thread';

/**
 * "Log this thread" (popup), injected on demand with activeTab on Gmail and Outlook on the web: nothing runs on a
 * mail page until the rep asks. Like the capture reader (entrypoints/capture.ts), an unlisted script: it reads the
 * open thread, returns it to the injector, touches nothing and opens no database.
 */
export default defineUnlistedScript(() => readThread(document, location.href));
