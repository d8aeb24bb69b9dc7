import type { QueryClient } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { renderedPageData } from './lib/rendered-page';
import { App } from './app/app';
import { seedPageData } from './app/page-data';
import { createQueryClient } from './app/query-client';
import { LANGUAGES, preferredLanguage, showLanguage, startLanguage, type Language } from './lib/i18n/language';
import './app/styles.css';

async function startMockBackendWhereWanted(): Promise<void> {
  // __MOCK_API__ is a build-time constant: false in `npm run build`, so this branch and the
  // chunk it imports are dropped from the production bundle altogether.
  if (__MOCK_API__) {
    const { startMockWorker } = await import('../mock/browser');
    await startMockWorker();
  }
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const data = renderedPageData();
const app = (queryClient: QueryClient) => (
  <StrictMode>
    <App queryClient={queryClient} />
  </StrictMode>
);

if (data) {
  // Rendered by the server: hydrated from the data it was rendered from, in the language it chose
  // (<html lang>), so that the first render here is the server's, word for word.
  const queryClient = createQueryClient();
  seedPageData(queryClient, data);
  // A refused form came back from its action's address: the page is the article's.
  if (data.path) history.replaceState(null, '', data.path);
  const language = document.documentElement.lang as Language;
  void showLanguage(LANGUAGES.includes(language) ? language : 'fr').finally(() => {
    hydrateRoot(root, app(queryClient));
    // A choice made before the server could know it (kept in localStorage only) wins now.
    const preferred = preferredLanguage();
    if (preferred !== language) void showLanguage(preferred);
  });
} else {
  // The reader's language is settled before the first render (English is a small chunk of its
  // own), so that a page meant to be in English never shows French first.
  void Promise.all([startMockBackendWhereWanted(), startLanguage()]).finally(() => {
    createRoot(root).render(app(createQueryClient()));
  });
}
