// `npm run audit`: Lighthouse's performance, accessibility, best-practices and SEO scores for the
// article page as `npm start` serves it (the production build, rendered by the real server on a
// fresh SQLite file with the seed), on a phone (Lighthouse's default: a mid-range phone on a slow
// 4G link, simulated) and on a desktop. Prints the scores, with every audit that cost points. Not
// part of `npm test`: Lighthouse is slow, and its scores are figures for the README.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildProduction } from '../../tools/build-production.mjs';

process.chdir(fileURLToPath(new URL('../..', import.meta.url)));

const OUT_DIR = 'node_modules/.cache/reagir-audit-dist';
const REPORT_DIR = 'node_modules/.cache/reagir-audit-reports';
const PORT = 4480;
const PAGE = `http://localhost:${PORT}/articles/hollande-poutine-daech`;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const chromePath = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => path && existsSync(path));
if (!chromePath) {
  console.error('Chromium not found: install it (sudo apt-get install chromium) or set CHROME_PATH to a Chromium binary.');
  process.exit(1);
}

function runLighthouse(formFactor) {
  const outputPath = join(REPORT_DIR, `article-${formFactor}.json`);
  const args = [
    PAGE,
    `--only-categories=${CATEGORIES.join(',')}`,
    '--output=json',
    `--output-path=${outputPath}`,
    `--chrome-flags=${CHROME_FLAGS.join(' ')}`,
    '--quiet',
    ...(formFactor === 'desktop' ? ['--preset=desktop'] : []),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(join('node_modules', '.bin', 'lighthouse'), args, {
      env: { ...process.env, CHROME_PATH: chromePath },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`lighthouse (${formFactor}) exited with ${code}`));
      else resolve(JSON.parse(readFileSync(outputPath, 'utf8')));
    });
  });
}

/** The audits of a category that did not get full marks, worst first. */
function lostPoints(report, categoryId) {
  return report.categories[categoryId].auditRefs
    .filter((ref) => ref.weight > 0)
    .map((ref) => report.audits[ref.id])
    .filter((audit) => audit.score !== null && audit.score < 1)
    .sort((a, b) => a.score - b.score)
    .map((audit) => `    - ${audit.id} (${audit.score}): ${audit.title}`);
}

mkdirSync(REPORT_DIR, { recursive: true });
console.log(`Building the production build into ${OUT_DIR}…`);
await buildProduction({ outDir: OUT_DIR });
const dataDir = mkdtempSync(join(tmpdir(), 'reagir-audit-'));
const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/start.ts'], {
  env: { ...process.env, HOST: '127.0.0.1', PORT: String(PORT), REAGIR_DATA_DIR: dataDir, REAGIR_DIST: OUT_DIR },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise((resolve, reject) => {
  let output = '';
  server.stdout.on('data', (chunk) => {
    output += chunk;
    if (output.includes('listening on')) resolve();
  });
  server.on('exit', (code) => reject(new Error(`the server exited (${code}) before listening`)));
});

let failed = false;
try {
  const lines = [];
  for (const formFactor of ['mobile', 'desktop']) {
    console.log(`Lighthouse (${formFactor}) on ${PAGE}…`);
    const report = await runLighthouse(formFactor);
    const scores = CATEGORIES.map((id) => `${report.categories[id].title} ${Math.round(report.categories[id].score * 100)}`);
    lines.push(`${formFactor.padEnd(8)} ${scores.join(' · ')}`);
    for (const id of CATEGORIES) lines.push(...lostPoints(report, id));
    if (formFactor === 'mobile') lines.unshift(`Lighthouse ${report.lighthouseVersion}, ${report.environment.hostUserAgent.match(/Chrome\/[\d.]+/)?.[0] ?? 'Chromium'}, ${new Date().toISOString().slice(0, 10)}`);
  }
  console.log(`\n${lines.join('\n')}\nFull reports: ${REPORT_DIR}/article-{mobile,desktop}.json`);
} catch (error) {
  failed = true;
  console.error(error instanceof Error ? error.message : error);
} finally {
  server.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
