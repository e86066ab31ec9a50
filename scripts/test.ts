// npm test: the whole suite, in the order that fails fastest, then one line with the totals.
//   1. type check (tsc)
//   2. lint (ESLint, then Prettier's check: `npm run lint`)
//   3. unit and integration tests (vitest; integration uses DATABASE_URL's server if set, else PGlite)
//   4. end-to-end tests (Playwright in Debian's Chromium against the built app)
// The last line is always "N passed, N failed" over every suite.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

interface Tally {
  suite: string;
  passed: number;
  failed: number;
  skipped: number;
  note?: string;
}

const ci = process.env.CI === 'true' || process.env.CI === '1';
const reports = mkdtempSync(path.join(tmpdir(), 'halfhour-tests-'));
const tallies: Tally[] = [];
// The tests that failed, by name with the first line of their error, repeated under the summary: CI keeps
// only the tail of a long log, and a failure nobody can name cannot be fixed.
const failures: string[] = [];

/** The first non-empty line of an error message, trimmed to fit a line. */
function firstLine(message: string | undefined): string {
  const plain = (message ?? '').replace(/\u001b\[[0-9;]*m/g, '');
  const line = plain.split('\n').find((text) => text.trim() !== '') ?? '';
  return line.trim().slice(0, 300);
}
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', FORCE_COLOR: process.env.FORCE_COLOR ?? '0' };

function run(command: string, args: string[], extraEnv: Record<string, string> = {}): number {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
  return result.status ?? 1;
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

// 1. Types: a type error is a failed check, reported like a failed test.
const typecheck = run('npx', ['--no-install', 'tsc', '--noEmit']);
tallies.push({ suite: 'type check', passed: typecheck === 0 ? 1 : 0, failed: typecheck === 0 ? 0 : 1, skipped: 0 });

// 2. Lint: any ESLint finding (warnings included) or any file Prettier would change is one failed check.
const lint = run('npm', ['run', '--silent', 'lint']);
tallies.push({ suite: 'lint', passed: lint === 0 ? 1 : 0, failed: lint === 0 ? 0 : 1, skipped: 0 });

// 3. Vitest.
const vitestReport = path.join(reports, 'vitest.json');
const vitestStatus = run('npx', [
  '--no-install',
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestReport}`,
]);
interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults?: Array<{
    name: string;
    status: string;
    message?: string;
    assertionResults?: Array<{ fullName: string; status: string; failureMessages?: string[] }>;
  }>;
}
const vitest = readJson<VitestReport>(vitestReport);
for (const file of vitest?.testResults ?? []) {
  const where = path.relative(process.cwd(), file.name);
  const failed = (file.assertionResults ?? []).filter((test) => test.status === 'failed');
  for (const test of failed) failures.push(`vitest ${where} › ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`);
  // A file that failed outside any test (its import or a hook threw).
  if (failed.length === 0 && file.status === 'failed') failures.push(`vitest ${where}: ${firstLine(file.message)}`);
}
tallies.push(
  vitest
    ? {
        suite: 'unit + integration',
        passed: vitest.numPassedTests,
        // A crash outside any test (a failing setup file) still fails the run.
        failed: vitest.numFailedTests || (vitestStatus === 0 ? 0 : 1),
        skipped: vitest.numPendingTests + vitest.numTodoTests,
      }
    : { suite: 'unit + integration', passed: 0, failed: 1, skipped: 0, note: 'vitest produced no report' },
);

interface PlaywrightSuite {
  suites?: PlaywrightSuite[];
  specs?: Array<{
    title: string;
    file: string;
    line: number;
    tests: Array<{
      projectName: string;
      status: string;
      results: Array<{ error?: { message?: string }; errors?: Array<{ message?: string }> }>;
    }>;
  }>;
}

/** Each unexpected or flaky test in a Playwright JSON report's tree of suites. */
function collectPlaywrightFailures(suite: PlaywrightSuite): void {
  for (const spec of suite.specs ?? []) {
    for (const test of spec.tests) {
      if (test.status !== 'unexpected' && test.status !== 'flaky') continue;
      const failed = test.results.find((result) => result.error ?? result.errors?.[0]);
      const error = (failed?.error ?? failed?.errors?.[0])?.message;
      failures.push(`playwright [${test.projectName}] ${spec.file}:${spec.line} › ${spec.title} (${test.status}): ${firstLine(error)}`);
    }
  }
  for (const child of suite.suites ?? []) collectPlaywrightFailures(child);
}

// 4. Playwright.
const chromium = process.env.CHROME_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium) && !ci) {
  tallies.push({
    suite: 'end-to-end',
    passed: 0,
    failed: 0,
    skipped: 1,
    note: `not run: no Chromium at ${chromium} (apt-get install -y chromium, or set CHROME_PATH)`,
  });
} else {
  const playwrightReport = path.join(reports, 'playwright.json');
  const playwrightStatus = run('npx', ['--no-install', 'playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport });
  const playwright = readJson<{
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
    suites?: PlaywrightSuite[];
  }>(playwrightReport);
  for (const suite of playwright?.suites ?? []) collectPlaywrightFailures(suite);
  tallies.push(
    playwright
      ? {
          suite: 'end-to-end',
          passed: playwright.stats.expected,
          failed: playwright.stats.unexpected + playwright.stats.flaky || (playwrightStatus === 0 ? 0 : 1),
          skipped: playwright.stats.skipped,
        }
      : { suite: 'end-to-end', passed: 0, failed: 1, skipped: 0, note: 'Playwright produced no report' },
  );
}

if (failures.length > 0) {
  console.log('\nFailed');
  for (const failure of failures.slice(0, 30)) console.log(`  ${failure}`);
  if (failures.length > 30) console.log(`  … and ${failures.length - 30} more above`);
}

console.log('\nSummary');
for (const tally of tallies) {
  console.log(
    `  ${tally.suite}: ${tally.passed} passed, ${tally.failed} failed${tally.skipped ? `, ${tally.skipped} skipped` : ''}${tally.note ? ` (${tally.note})` : ''}`,
  );
}
const passed = tallies.reduce((sum, tally) => sum + tally.passed, 0);
const failed = tallies.reduce((sum, tally) => sum + tally.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
