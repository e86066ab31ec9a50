// End-to-end tests in Debian's Chromium (never a downloaded browser) against the built app, started
// the way a user starts it (npm start) on a database of its own that is recreated and seeded.
import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { assertLocalDatabaseUrl, databaseName, withDatabaseName } from './lib/database/local-server';

const PORT = Number(process.env.E2E_PORT ?? 3100);
export const BASE_URL = `http://127.0.0.1:${PORT}`;

export const MAIL_SMTP_PORT = PORT + 25;
export const MAIL_WEB_PORT = PORT + 80;

export const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
if (!existsSync(CHROMIUM_PATH)) {
  throw new Error(`No Chromium at ${CHROMIUM_PATH}. Install Debian's (apt-get install -y chromium) or set CHROME_PATH.`);
}

// With a server, the app gets <name>_e2e beside the test database; without, an embedded database of its own.
const serverUrl = process.env.DATABASE_URL;
if (serverUrl) assertLocalDatabaseUrl(serverUrl, 'end-to-end tests');
const e2eDatabase = serverUrl ? withDatabaseName(serverUrl, `${databaseName(serverUrl)}_e2e`) : '';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // Two browsers, the app server and PostgreSQL share two cores: axe alone can take several seconds.
  timeout: 60_000,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: {
    baseURL: BASE_URL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    // The public pages check exact figures from the seed, so they run before the journeys that publish
    // asks and verify organisations; the journeys then run in parallel.
    { name: 'public', testMatch: 'public-pages.spec.ts', use: { browserName: 'chromium' } },
    { name: 'chromium', testIgnore: 'public-pages.spec.ts', dependencies: ['public'], use: { browserName: 'chromium' } },
    // Faults (issue 19): each spec starts app servers of its own from the same build, on databases of its own.
    { name: 'faults', testDir: 'tests/faults', testMatch: '*.spec.ts', dependencies: ['public'], use: { browserName: 'chromium' } },
  ],
  webServer: {
    command: 'npx --no-install tsx scripts/start.ts --fresh-demo',
    url: `${BASE_URL}/`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      PORT: String(PORT),
      APP_URL: BASE_URL,
      DATABASE_URL: e2eDatabase,
      PGLITE_DATA_DIR: '.data/e2e',
      NEXT_TELEMETRY_DISABLED: '1',
      // Mail goes to the app's own local catcher (MailDev) on ports of its own; tests read it over its API.
      SMTP_URL: '',
      MAILDEV_SMTP_PORT: String(MAIL_SMTP_PORT),
      MAILDEV_WEB_PORT: String(MAIL_WEB_PORT),
      // Every test browser is the same client (127.0.0.1); the per-client limit is tested in integration.
      SIGN_IN_LIMIT_PER_CLIENT: '1000',
      // The journeys sign the same demo accounts in many times within fifteen minutes.
      SIGN_IN_LIMIT_PER_ADDRESS: '1000',
      // Lets a test move a session's start into the past (app/api/e2e); off everywhere else.
      E2E_TEST_HOOKS: 'on',
    },
  },
});
