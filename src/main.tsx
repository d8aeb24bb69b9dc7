import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import './app/styles.css';

async function startMockBackendWhereWanted(): Promise<void> {
  // __MOCK_API__ is a build-time constant: false in `npm run build`, so this branch and the
  // chunk it imports are dropped from the production bundle altogether.
  if (__MOCK_API__) {
    const { startMockWorker } = await import('./mocks/browser');
    await startMockWorker();
  }
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

void startMockBackendWhereWanted().finally(() => {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
