import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { startLanguage } from './lib/i18n/language';
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

// The reader's language is settled before the first render (English is a small chunk of its
// own), so that a page meant to be in English never shows French first.
void Promise.all([startMockBackendWhereWanted(), startLanguage()]).finally(() => {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
