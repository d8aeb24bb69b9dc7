/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv, type Plugin } from 'vite';
import { earlyRequestsScript } from './src/client/api/early-requests.ts';

const require = createRequire(import.meta.url);

/**
 * Serves (dev) or emits (demo build) MSW's worker script straight from node_modules, instead
 * of keeping a copy in public/: public/ goes into every build, and the production build must
 * carry no mock code at all. It also spares us msw's postinstall script.
 */
function mockServiceWorker(enabled: boolean): Plugin {
  const workerSource = () => readFileSync(require.resolve('msw/mockServiceWorker.js'), 'utf8');
  return {
    name: 'reagir:mock-service-worker',
    configureServer(server) {
      if (!enabled) return;
      server.middlewares.use('/mockServiceWorker.js', (_request, response) => {
        response.setHeader('Content-Type', 'text/javascript');
        response.end(workerSource());
      });
    },
    generateBundle() {
      if (enabled) this.emitFile({ type: 'asset', fileName: 'mockServiceWorker.js', source: workerSource() });
    },
  };
}

/**
 * Production only: an inline script in index.html starts the article page's first two API
 * requests while the bundle downloads (src/api/early-requests.ts).
 */
function earlyRequests(enabled: boolean, apiBase: string): Plugin {
  return {
    name: 'reagir:early-requests',
    transformIndexHtml() {
      return enabled ? [{ tag: 'script', children: earlyRequestsScript(apiBase), injectTo: 'head-prepend' }] : [];
    },
  };
}

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), 'VITE_');
  // Modes: development (npm run dev), demo (npm run build:demo), production (npm run build).
  const mockApi = (mode === 'development' || mode === 'demo') && env.VITE_MOCK_API !== 'false';
  return {
    plugins: [react(), mockServiceWorker(mockApi), earlyRequests(!mockApi && mode !== 'test', env.VITE_API_URL ?? '/api')],
    define: { __MOCK_API__: JSON.stringify(mockApi) },
    // `VITE_MOCK_API=false VITE_API_PROXY=http://127.0.0.1:3000 npm run dev`: the dev loop against
    // a running server, on one origin as in production.
    server: env.VITE_API_PROXY ? { proxy: { '/api': env.VITE_API_PROXY } } : {},
    // No modulepreload polyfill: every browser that runs ES2022 modules preloads them natively,
    // and the bytes count against the article page's budget.
    build: {
      target: 'es2022',
      sourcemap: false,
      modulePreload: { polyfill: false },
      rolldownOptions: {
        output: {
          codeSplitting: {
            // The response checker, the comment form and moderation all use valibot and the
            // contract's schemas: left alone, the bundler hoists what they share into the entry,
            // which the first screen does not need (docs/decisions/005-first-bundle.md).
            groups: [{ name: 'contract', test: /[\\/]node_modules[\\/]valibot[\\/]|[\\/]src[\\/]shared[\\/]contract\.ts$/ }],
          },
        },
      },
    },
    test: {
      restoreMocks: true,
      // Far from Paris on purpose: dates must show in Europe/Paris time whatever the machine's zone.
      env: { TZ: 'America/New_York' },
      // Whole-app tests on a busy 2-core machine can pass 5 s; a hang still fails, later.
      testTimeout: 15_000,
      projects: [
        {
          // The app, the mock and the shared rules: jsdom, the real MSW handlers, a fresh seed.
          extends: true,
          test: {
            name: 'app',
            environment: 'jsdom',
            setupFiles: ['./tests/setup.ts'],
            include: ['src/{client,shared,mock,fixtures}/**/*.test.{ts,tsx}'],
          },
        },
        {
          // The core, the real server and the contract suite: Node, real sockets, no MSW in the way.
          extends: true,
          test: {
            name: 'server',
            environment: 'node',
            include: ['src/{core,http,server}/**/*.test.ts', 'tests/{contract,server}/**/*.test.ts'],
            // One PostgreSQL database is shared by the files that use it: one file at a time.
            fileParallelism: false,
            testTimeout: 60_000,
            hookTimeout: 120_000,
          },
        },
      ],
    },
  };
});
