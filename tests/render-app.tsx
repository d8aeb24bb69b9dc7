import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { App } from '../src/client/app/app';
import { createQueryClient } from '../src/client/app/query-client';

/** The whole app at `path`, with the app's own QueryClient settings but no retry (failures show at once). */
export function renderApp(path: string, { fakeTimers = false } = {}) {
  window.history.replaceState(null, '', path);
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  // With fake timers, user-event must move them forward itself while it waits between events.
  const user = userEvent.setup(fakeTimers ? { advanceTimers: vi.advanceTimersByTime } : {});
  return { user, queryClient, ...render(<App queryClient={queryClient} />) };
}

export const SEED_PATH = '/articles/hollande-poutine-daech';

/** Opens the seed article and waits until its comments are shown. */
export async function renderSeedArticle(options: { fakeTimers?: boolean } = {}) {
  const rendered = renderApp(SEED_PATH, options);
  await screen.findByRole('heading', { level: 2, name: /^Commentaires \(\d+\)$/ });
  // The form is a chunk of its own: once it has arrived, reply forms open at once too.
  await screen.findByRole('form', { name: 'Réagir' });
  return rendered;
}
