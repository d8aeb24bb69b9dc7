// Every integration test: the real MSW handlers on a freshly seeded database, a clean DOM and
// storage, and no console.error left unexplained (React warnings are defects here).
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { resetDb } from '../src/mocks/db';
import { faults } from '../src/mocks/faults';
import { server } from '../src/mocks/node';

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  // jsdom has no layout: scrolling is a no-op here rather than a "not implemented" notice.
  window.scrollTo = () => {};
  Element.prototype.scrollIntoView = () => {};
});
beforeEach(() => {
  resetDb();
  faults.clear();
  window.localStorage.clear();
  window.history.replaceState(null, '', '/');
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error during a test: ${args.map(String).join(' ')}`);
  });
});
afterEach(() => {
  cleanup();
  server.resetHandlers();
});
afterAll(() => server.close());
