import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../src/app/app';
import { createQueryClient } from '../src/app/query-client';

/** The whole app at `path`, with the app's own QueryClient settings but no retry (failures show at once). */
export function renderApp(path: string) {
  window.history.replaceState(null, '', path);
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  const user = userEvent.setup();
  return { user, queryClient, ...render(<App queryClient={queryClient} />) };
}

export const SEED_PATH = '/articles/hollande-poutine-daech';

/** Opens the seed article and waits until its comments are shown. */
export async function renderSeedArticle() {
  const rendered = renderApp(SEED_PATH);
  await screen.findByRole('heading', { level: 2, name: /^Commentaires \(\d+\)$/ });
  return rendered;
}
