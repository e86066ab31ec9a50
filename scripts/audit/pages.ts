// npm run audit:pages: Lighthouse on home, browse, an ask, sign-in and a signed-in volunteer's dashboard,
// printed as one table of the four scores and the compressed JavaScript each page loads, against issue 10's
// targets (accessibility 100, the rest at least 95, under 100 kB of JavaScript on public pages), with the
// findings behind every miss. Not part of npm test. Exits 0 when every target is met, 1 when one is missed,
// 2 when the audit itself failed.
//
// By default it starts its own app the way `npm start` does (scripts/start.ts --fresh-demo) on an embedded
// database of its own under .data/audit/, and stops it at the end, even on failure. Lighthouse uses its
// default preset, mobile emulation with simulated throttling, which is what such targets usually mean.
//   --url http://host:port  audit an app that is already running instead; the dashboard then needs a session:
//                           --session-token TOKEN, or DATABASE_URL (that app's PostgreSQL) to make one there
//   --port N                the port of the app it starts (default 3400; its mail catcher takes N+25, N+80)
//   --runs N                Lighthouse runs per page; the median performance run stands for the page (default 3:
//                           on two shared cores one run's performance swings by 10-15 points, all of it blocking time)
//   --pages a,b             only these pages (home, browse, ask, signin, signin-return, dashboard)
//   --ask ID                the ask to audit (default: the first open ask the browse page lists)
// Full reports (HTML and JSON) are written to .data/audit/reports/.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launch, type LaunchedChrome } from 'chrome-launcher';
import lighthouse, { generateReport, type Result } from 'lighthouse';
import { createVolunteerSession, startOwnApp, type AuditSession, type OwnApp } from './app';
import {
  describeSettings,
  explainMiss,
  formatTable,
  judgedScore,
  missedTargets,
  summarise,
  CATEGORIES,
  type AuditedPage,
  type PageSummary,
} from './report';

const { values: options } = parseArgs({
  options: {
    url: { type: 'string' },
    port: { type: 'string', default: '3400' },
    runs: { type: 'string', default: '3' },
    pages: { type: 'string' },
    ask: { type: 'string' },
    'session-token': { type: 'string' },
  },
});

const PORT = Number(options.port);
const RUNS = Number(options.runs);
if (!Number.isInteger(PORT) || PORT < 1024 || PORT > 65_000) throw new Error(`--port must be a port number, not ${options.port}`);
if (!Number.isInteger(RUNS) || RUNS < 1 || RUNS > 9) throw new Error(`--runs must be 1 to 9, not ${options.runs}`);

const AUDIT_DIR = '.data/audit';
const REPORT_DIR = path.join(AUDIT_DIR, 'reports');
const PGLITE_DATA_DIR = path.join(AUDIT_DIR, 'pglite');
const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';
// Debian's Chromium, headless; never a downloaded browser.
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** next-auth's session cookie (see SESSION_COOKIES in lib/auth/session.ts): the __Secure- name only over https. */
function sessionCookie(base: string, token: string): string {
  const name = new URL(base).protocol === 'https:' ? '__Secure-next-auth.session-token' : 'next-auth.session-token';
  return `${name}=${token}`;
}

const cleanups: Array<() => Promise<void>> = [];
let cleaning: Promise<void> | undefined;
/** Stops what was started, newest first. One shared run: a signal and main's own ending both wait for it. */
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    // Popped one at a time, so an app that main starts while this runs is stopped too.
    for (let cleanup = cleanups.pop(); cleanup; cleanup = cleanups.pop()) {
      await cleanup().catch((error: unknown) => console.error(`Cleaning up failed: ${error instanceof Error ? error.message : error}`));
    }
  })();
  return cleaning;
}
// Ctrl-C reaches this process twice (from the terminal and relayed by tsx): the handler stays installed so a
// second signal cannot kill the process halfway through stopping the app.
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\n${signal}: stopping...`);
    void cleanUp().finally(() => process.exit(2));
  });
}

/** The app to audit and, when it can be had, a signed-in volunteer's session on it. */
async function prepareApp(): Promise<{ base: string; session: AuditSession | null; why?: string }> {
  if (options.url) {
    const base = options.url.replace(/\/+$/, '');
    const token = options['session-token'];
    if (token) return { base, session: { token, email: '(given token)', remove: async () => undefined } };
    if (process.env.DATABASE_URL) {
      const session = await createVolunteerSession({ databaseUrl: process.env.DATABASE_URL, pgliteDataDir: PGLITE_DATA_DIR });
      cleanups.push(() => session.remove());
      return { base, session };
    }
    return { base, session: null, why: 'with --url, pass --session-token or set DATABASE_URL to that app’s PostgreSQL' };
  }

  // The demo seed is laid by start.ts itself (--fresh-demo). The embedded database admits one process at a
  // time, so the session row goes in between a first start (which seeds) and the start that is audited.
  const logFile = path.join(AUDIT_DIR, 'app.log');
  writeFileSync(logFile, '');
  console.log(`Starting the app on port ${PORT} with a fresh demo database in ${PGLITE_DATA_DIR} (output: ${logFile})...`);
  const onStarted = (stop: () => Promise<void>) => cleanups.push(stop);
  const seeding = await startOwnApp({ port: PORT, pgliteDataDir: PGLITE_DATA_DIR, logFile, freshDemo: true, onStarted });
  await seeding.stop();
  const session = await createVolunteerSession({ pgliteDataDir: PGLITE_DATA_DIR });
  console.log(`Signed in ${session.email} (a session row of its own); starting the app again to audit it...`);
  const app: OwnApp = await startOwnApp({ port: PORT, pgliteDataDir: PGLITE_DATA_DIR, logFile, freshDemo: false, onStarted });
  return { base: app.url, session };
}

/** The first open ask the browse page links to, as a visitor would click it. */
async function firstListedAsk(base: string): Promise<string> {
  const html = await (await fetch(`${base}/asks`)).text();
  const ids = [...html.matchAll(/href="\/asks\/([A-Za-z0-9_-]+)"/g)].map((match) => match[1]!).filter((id) => id !== 'new');
  if (ids.length === 0) throw new Error(`The browse page at ${base}/asks lists no ask: is the app seeded with the demo data?`);
  return ids[0]!;
}

/** Each page must answer 200 as itself (the dashboard must not bounce to sign-in); two loads also warm any cache. */
async function checkAndWarm(base: string, page: AuditedPage, headers: Record<string, string>): Promise<void> {
  for (let load = 0; load < 2; load++) {
    const response = await fetch(`${base}${page.path}`, { headers, redirect: 'manual' });
    await response.arrayBuffer();
    if (response.status !== 200) {
      const where = response.headers.get('location');
      throw new Error(`${page.name} (${page.path}) answered ${response.status}${where ? ` -> ${where}` : ''}, not 200`);
    }
  }
}

async function auditPage(chrome: LaunchedChrome, base: string, page: AuditedPage, headers: Record<string, string>): Promise<Result[]> {
  const runs: Result[] = [];
  for (let run = 0; run < RUNS; run++) {
    const result = await lighthouse(`${base}${page.path}`, {
      port: chrome.port,
      logLevel: 'error',
      output: 'json',
      onlyCategories: [...CATEGORIES],
      extraHeaders: Object.keys(headers).length > 0 ? headers : undefined,
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${page.name}`);
    if (result.lhr.runtimeError)
      throw new Error(`Lighthouse failed on ${page.name}: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
    runs.push(result.lhr);
  }
  return runs;
}

const PAGE_NAMES = ['home', 'browse', 'ask', 'signin', 'signin-return', 'dashboard'];

async function main(): Promise<number> {
  // Checked before anything starts: a typo should not cost a build.
  const wanted = options.pages?.split(',').map((name) => name.trim());
  const unknown = wanted?.filter((name) => !PAGE_NAMES.includes(name)) ?? [];
  if (unknown.length > 0) throw new Error(`Unknown page(s) ${unknown.join(', ')}: choose from ${PAGE_NAMES.join(', ')}`);

  mkdirSync(REPORT_DIR, { recursive: true });
  const { base, session, why } = await prepareApp();
  // The browse page is read for an ask only when the ask page is audited.
  const askId = options.ask ?? (!wanted || wanted.includes('ask') ? await firstListedAsk(base) : 'none');
  const allPages: AuditedPage[] = [
    { name: 'home', path: '/', isPublic: true },
    { name: 'browse', path: '/asks', isPublic: true },
    { name: 'ask', path: `/asks/${askId}`, isPublic: true },
    { name: 'signin', path: '/signin', isPublic: true },
    // A guard's redirect brings a return path: the same cached page (proxy.ts hands the path to its form).
    { name: 'signin-return', path: '/signin?callbackUrl=%2Fdashboard', isPublic: true },
    { name: 'dashboard', path: '/dashboard', isPublic: false },
  ];
  let pages = wanted ? allPages.filter((page) => wanted.includes(page.name)) : allPages;
  if (!session && pages.some((page) => !page.isPublic)) {
    console.warn(`Skipping the dashboard: no session to sign in with (${why}).`);
    pages = pages.filter((page) => page.isPublic);
  }

  const headersFor = (page: AuditedPage): Record<string, string> =>
    page.isPublic || !session ? {} : { Cookie: sessionCookie(base, session.token) };
  for (const page of pages) await checkAndWarm(base, page, headersFor(page));

  // Our own SIGINT handler kills Chrome with everything else; chrome-launcher's would exit before the app is stopped.
  const chrome = await launch({ chromePath: CHROME_PATH, chromeFlags: CHROME_FLAGS, logLevel: 'error', handleSIGINT: false });
  cleanups.push(async () => chrome.kill());

  const summaries: PageSummary[] = [];
  const results = new Map<string, Result>();
  for (const page of pages) {
    console.log(`Auditing ${page.name} (${base}${page.path})${RUNS > 1 ? `, ${RUNS} runs` : ''}...`);
    const { summary, representative } = summarise(page, await auditPage(chrome, base, page, headersFor(page)));
    summaries.push(summary);
    results.set(page.name, representative);
    writeFileSync(path.join(REPORT_DIR, `${page.name}.report.html`), generateReport(representative, 'html'));
    writeFileSync(path.join(REPORT_DIR, `${page.name}.report.json`), JSON.stringify(representative));
  }

  const first = results.values().next().value;
  console.log(`\n${first ? describeSettings(first) : ''}`);
  console.log(`App: ${base}${session ? ` (dashboard signed in as ${session.email})` : ''}; reports in ${REPORT_DIR}/\n`);
  console.log(formatTable(summaries));
  if (summaries.some((summary) => summary.scores.seo !== judgedScore(summary, 'seo'))) {
    console.log(
      'SEO "(N unindexed)": a signed-in page is kept out of search engines on purpose, so its target is judged\n' +
        'without the is-crawlable audit (N); the first figure is Lighthouse’s own.',
    );
  }
  for (const warning of new Set([...results.values()].flatMap((lhr) => lhr.runWarnings))) console.log(`Lighthouse warning: ${warning}`);

  const misses = missedTargets(summaries);
  if (misses.length === 0) {
    console.log('\nEvery target is met.');
    return 0;
  }
  console.log(`\n${misses.length} target(s) missed:`);
  for (const miss of misses) console.log(`- ${miss.page}: ${miss.description}`);
  console.log('\nWhat Lighthouse found behind each miss:');
  for (const miss of misses) {
    const summary = summaries.find((candidate) => candidate.page.name === miss.page)!;
    console.log(`\n${miss.page}: ${miss.description}`);
    for (const line of explainMiss(miss, results.get(miss.page)!, summary)) console.log(`  ${line}`);
  }
  return 1;
}

let exitCode = 2;
try {
  exitCode = await main();
} catch (error) {
  console.error(`\naudit:pages failed: ${error instanceof Error ? error.message : error}`);
} finally {
  await cleanUp();
}
process.exit(exitCode);
