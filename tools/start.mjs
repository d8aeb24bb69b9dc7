// `npm start`: the real server. It builds the production client into dist/ first when dist/ is
// missing or older than its sources, then runs the server in this same process, so that the
// signals a supervisor sends (SIGTERM, Ctrl-C) reach the server itself and not a wrapper.
// Relative paths (REAGIR_DATA_DIR, REAGIR_DIST) are relative to the project folder.
import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
process.chdir(projectRoot);

const DIST = resolve('dist');
const STAMP = join(DIST, '.build-stamp');
// What the production bundle is made of. .env files hold VITE_* settings the build bakes in.
const BUILD_INPUTS = [
  'src/client',
  'src/shared',
  'public',
  'index.html',
  'vite.config.ts',
  'package-lock.json',
  '.env',
  '.env.local',
  '.env.production',
  '.env.production.local',
];

/** The latest modification time of a file or of any file under a folder; 0 when missing. */
function newestMtime(path) {
  let info;
  try {
    info = statSync(path);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Why dist/ must be built again, or null when it is current. */
function staleness() {
  if (!existsSync(join(DIST, 'index.html'))) return 'no build in dist/';
  if (!existsSync(join(`${DIST}-server`, 'entry-server.js'))) return 'no server renderer in dist-server/';
  // `npm run build:demo` writes MSW's worker: that build answers /api from a mock, never serve it.
  if (existsSync(join(DIST, 'mockServiceWorker.js'))) return 'dist/ holds the demo build, with its mock API';
  if (!existsSync(STAMP)) return 'dist/ was not built by npm start';
  const built = statSync(STAMP).mtimeMs;
  const changed = BUILD_INPUTS.find((input) => newestMtime(input) > built);
  return changed ? `${changed} changed since the last build` : null;
}

// Node 20 runs no TypeScript by itself: tsx's loader, registered for this process, does.
const { register } = await import('tsx/esm/api');
register();

// The settings are checked before a build that can take a minute, not after it (start.ts
// reads them again, from the same environment).
const { ConfigError, readConfig } = await import('../src/server/config.ts');
try {
  readConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}

const customDist = process.env.REAGIR_DIST?.trim();
if (customDist && resolve(customDist) !== DIST) {
  // A build kept elsewhere is the operator's: served as it is, never built over (or emptied).
  console.log(`REAGIR_DIST is set: serving ${resolve(customDist)} as it is, without building.`);
} else {
  const reason = staleness();
  if (reason) {
    console.log(`Building the client (${reason})…`);
    const { buildProduction } = await import('./build-production.mjs');
    const startedAt = new Date();
    await buildProduction();
    // Dated from the build's start: a source saved while it ran is newer, and rebuilt next time.
    writeFileSync(STAMP, `${startedAt.toISOString()}\n`);
    utimesSync(STAMP, startedAt, startedAt);
  }
}

await import('../src/server/start.ts');
