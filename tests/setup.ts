// Every integration test: the real MSW handlers on a freshly seeded database, a clean DOM and
// storage, and no console.error left unexplained (React warnings are defects here).
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, expect, vi } from 'vitest';
import { resetDb } from '../src/mock/db';
import { faults } from '../src/mock/faults';
import { resetStorageProblemNotice } from '../src/client/features/comments/lib/draft-store';
import { showLanguage } from '../src/client/lib/i18n/language';
import { reloadOwnPending } from '../src/client/features/comments/lib/own-pending';
import { reloadAuthorTokens } from '../src/client/features/comments/lib/author-tokens';
import { reloadSendKeys } from '../src/client/features/comments/lib/send-keys';
import { reloadReaderMarks } from '../src/client/features/comments/lib/reader-marks';
import { server } from '../src/mock/node';
import { TestEventSource } from './event-source';

// CI shares two cores with a browser suite: waiting up to 3 s keeps slow runs from failing.
configure({ asyncUtilTimeout: 3000 });

let consoleErrors: string[] = [];

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  // jsdom has no layout: scrolling is a no-op here rather than a "not implemented" notice.
  window.scrollTo = () => {};
  // jsdom has no EventSource: the live streams run over fetch, through the same handlers.
  window.EventSource = TestEventSource as unknown as typeof EventSource;
  Element.prototype.scrollIntoView = () => {};
});
beforeEach(() => {
  resetDb();
  faults.clear();
  window.localStorage.clear();
  // Cookies too: the theme and the order of comments are remembered there for the server.
  for (const cookie of document.cookie.split('; ')) {
    if (cookie) document.cookie = `${cookie.split('=')[0]}=; Path=/; Max-Age=0`;
  }
  // Module-level memories of what storage held: forgotten with it.
  reloadOwnPending();
  reloadAuthorTokens();
  reloadSendKeys();
  reloadReaderMarks();
  resetStorageProblemNotice();
  // Every test starts in French, the default, whatever the one before chose.
  void showLanguage('fr');
  window.history.replaceState(null, '', '/');
  // Collected rather than thrown: a throw inside React's or a library's call stack may be
  // swallowed or surface in another test; checked after each test, it fails the one that caused it.
  consoleErrors = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    consoleErrors.push(args.map(String).join(' '));
  });
});
afterEach(() => {
  cleanup();
  TestEventSource.closeAll();
  server.resetHandlers();
  expect(consoleErrors, 'console.error during this test').toEqual([]);
});
afterAll(() => server.close());
