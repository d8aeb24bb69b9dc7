// The mock backend in a browser: a service worker answers /api from the shared handlers.
// Only loaded (lazily) by main.tsx in development and in the demo build.
import { setupWorker } from 'msw/browser';
import { persistTo, restoreModeratorSession } from './db';
import { faults } from './faults';
import { handlers } from './handlers';

declare global {
  interface Window {
    /** The mock backend's fault switch (src/mocks/faults.ts), for tests and curious developers. */
    __reagirFaults?: typeof faults;
  }
}

export async function startMockWorker(): Promise<void> {
  window.__reagirFaults = faults;
  try {
    persistTo(window.localStorage);
  } catch {
    // localStorage refused (private mode, policy): the mock runs from memory only.
  }
  try {
    await restoreModeratorSession(window.sessionStorage);
  } catch {
    // sessionStorage refused: the moderator signs in again after a reload.
  }
  await setupWorker(...handlers).start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
  });
}
