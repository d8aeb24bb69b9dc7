// The README says "A `console.error` fails the test that caused it" (tests/setup.ts). Proved by
// running Vitest, with the app project's setup, on a file whose tests log (a console.error, a
// React warning) or stay quiet, and reading which of them failed: the loud ones, and only they.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

interface JsonReport {
  testResults: { assertionResults: { title: string; status: string; failureMessages: string[] }[] }[];
}

const folder = mkdtempSync(join(tmpdir(), 'reagir-console-errors-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function runFixture(): Promise<{ code: number | null; report: JsonReport }> {
  const outputFile = join(folder, 'report.json');
  const child = spawn(
    process.execPath,
    ['node_modules/vitest/vitest.mjs', 'run', '--root', '.', '--config', 'tests/fixtures/console-error/vitest.config.ts', '--reporter=json', `--outputFile=${outputFile}`],
    { stdio: 'ignore' },
  );
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, report: JSON.parse(readFileSync(outputFile, 'utf8')) as JsonReport };
}

describe('tests/setup.ts', () => {
  it('fails the test that wrote to console.error, and not the tests around it', async () => {
    const { code, report } = await runFixture();
    const results = report.testResults.flatMap((file) => file.assertionResults);
    expect(Object.fromEntries(results.map(({ title, status }) => [title, status]))).toEqual({
      'quiet, before': 'passed',
      'logs a console.error': 'failed',
      'lets React warn about a list without keys': 'failed',
      'quiet, after': 'passed',
    });
    const failure = (title: string) => results.find((result) => result.title === title)?.failureMessages.join('\n');
    expect(failure('logs a console.error')).toMatch(/console\.error during this test.*Quelque chose a mal tourné/);
    expect(failure('lets React warn about a list without keys')).toContain('console.error during this test');
    expect(code).toBe(1);
  });
});
