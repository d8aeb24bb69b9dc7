// `npm run serve -- --port P`: the production build and the mock backend over real HTTP on one
// origin (src/mocks/http-server.ts), to use or measure the app as a publisher would serve it.
// It always builds first, into dist/ as `npm run build` does: a dist/ left by an older build or
// by `npm run build:demo` (which carries the mock service worker) would silently be served
// instead. Vite's module runner loads the TypeScript server module, as Node 20 cannot.
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build, runnerImport } from 'vite';

process.chdir(fileURLToPath(new URL('../..', import.meta.url)));

const { values } = parseArgs({ options: { port: { type: 'string', default: '4173' } } });
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port wants a port number, not "${values.port}".`);
  process.exit(1);
}

await build({ mode: 'production', logLevel: 'warn' });
const { module } = await runnerImport('/src/mocks/http-server.ts');
const server = await module.startHttpServer({ port, root: 'dist' });
console.log(`Réagir (production build, mock API on /api): ${server.origin}/`);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => void server.close().then(() => process.exit(0)));
}
