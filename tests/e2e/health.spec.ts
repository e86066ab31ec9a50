// Marketplace health in Chromium: the admin sees the demo's twelve weeks charted, each chart with its table
// and a CSV download; the skills gap, for the country and a region, works without JavaScript; axe finds nothing
// and the page fits a 320 pixel phone. Anyone else gets the same 404 as for a page that does not exist.
import { readFile } from 'node:fs/promises';
import { expect, test } from './support/test';
import { expectNoAxeViolations, expectNoHorizontalScroll } from './support/accessibility';
import { signedIn } from './support/journeys';

const ADMIN = 'admin@halfhour.example';

test('the admin sees twelve weeks of the marketplace, each chart with its table and CSV', async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await signedIn(browser, ADMIN, '/admin/health');
  await expect(admin.getByRole('heading', { level: 1, name: 'Marketplace health' })).toBeVisible();
  await expect(admin.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Health' })).toHaveAttribute(
    'aria-current',
    'page',
  );

  // Every chart is an image with a name, and its data is a table of twelve weeks under it.
  await expect(admin.getByRole('img', { name: 'Asks posted, approved, matched and held' })).toBeVisible();
  await expect(admin.locator('svg[role="img"]')).toHaveCount(8);
  const flow = admin.getByRole('region', { name: 'Asks posted, approved, matched and held: the data' });
  const weeks = flow.locator('tbody tr');
  await expect(weeks).toHaveCount(12);
  // The demo's history: asks approved and sessions held in every one of the twelve weeks.
  for (const row of await weeks.all()) {
    const approved = Number(await row.locator('td').nth(1).textContent());
    const held = Number(await row.locator('td').nth(3).textContent());
    const week = (await row.textContent()) ?? '';
    expect(approved, week).toBeGreaterThanOrEqual(4);
    expect(held, week).toBeGreaterThanOrEqual(1);
  }
  await expect(admin.locator('section p').filter({ hasText: /^Posted (rose|fell|was) / })).toBeVisible(); // the text summary

  // The skills gap: gifts in wills, asked for again and again, with one volunteer who gives it.
  const skills = admin.getByRole('region', { name: /Skills most asked for.*: the data/ });
  const legacy = skills.getByRole('row', { name: /Gifts in wills/ });
  await expect(legacy.getByRole('cell').nth(2)).toHaveText('1'); // available volunteers
  expect(Number(await legacy.getByRole('cell').nth(0).textContent())).toBeGreaterThanOrEqual(10); // asks in twelve weeks

  await expectNoAxeViolations(admin);
  await admin.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(admin);
  await admin.setViewportSize({ width: 1280, height: 800 });

  // The table downloads as it is shown.
  const downloading = admin.waitForEvent('download');
  await admin.getByRole('link', { name: /^Download this table as CSV\s*: Asks posted/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^halfhour-health-flow-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = (await readFile((await download.path())!, 'utf8'))
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
  expect(lines[0]).toBe('Week commencing (UTC),Posted,Approved,Matched,Sessions held');
  expect(lines).toHaveLength(13);
  expect(lines.slice(1)).toEqual(
    await weeks.evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent).join(','))),
  );
});

test('the skills gap by region works without JavaScript', async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await signedIn(browser, ADMIN, '/admin/health', { javaScriptEnabled: false });
  await expect(admin.locator('svg[role="img"]')).toHaveCount(8);
  await admin.getByLabel('Region', { exact: true }).selectOption('SOUTH_WEST');
  await admin.getByRole('button', { name: 'Show the skills gap' }).click();
  await expect(admin).toHaveURL(/region=SOUTH_WEST/);
  await expect(
    admin.getByRole('heading', { level: 2, name: 'Skills most asked for in South West England against volunteers based there' }),
  ).toBeVisible();
  await expect(admin.getByLabel('Region', { exact: true })).toHaveValue('SOUTH_WEST');
  const csv = await admin.request.get('/admin/health/skills.csv?region=SOUTH_WEST');
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-disposition']).toMatch(/halfhour-health-skills-south-west-/);
});

test('nobody but an admin gets the page or its CSV', async ({ browser }) => {
  const volunteer = await signedIn(browser, 'volunteer@halfhour.example', '/dashboard');
  expect((await volunteer.goto('/admin/health'))?.status()).toBe(404);
  expect((await volunteer.request.get('/admin/health/flow.csv')).status()).toBe(404);
  const signedOut = await (await browser.newContext()).newPage();
  await signedOut.goto('/admin/health');
  await expect(signedOut).toHaveURL(/\/signin/);
});
