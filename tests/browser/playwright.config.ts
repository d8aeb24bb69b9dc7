import { defineConfig } from '@playwright/test';
import { findChromium } from './find-chromium';

const PORT = Number(process.env.E2E_PORT ?? 4179);
// The demo build (mock backend in a service worker) served by `vite preview`: the same files a
// publisher would serve, with MSW answering /api inside the browser.
const DIST = `node_modules/.cache/reagir-e2e-dist-${PORT}`;

export default defineConfig({
  testDir: '.',
  outputDir: '../../test-results/browser',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  forbidOnly: true,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: 'fr-FR',
    // Far from Paris on purpose: dates must still show in Europe/Paris time.
    timezoneId: 'America/New_York',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: findChromium(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `npx vite build --mode demo --logLevel warn --outDir ${DIST} --emptyOutDir && npx vite preview --outDir ${DIST} --port ${PORT} --strictPort`,
    url: `http://localhost:${PORT}/`,
    reuseExistingServer: false,
    timeout: 120_000,
    cwd: '../..',
  },
});
