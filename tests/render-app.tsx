import { QueryClient } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../src/app/app';

/** The whole app at `path`, with a fresh QueryClient that does not retry (failures show at once). */
export function renderApp(path: string) {
  window.history.replaceState(null, '', path);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 0 } } });
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
