// The audit log (issue 21): an admin reads it, follows an ask's "Audit trail" from the review queue, filters by
// action and person, pages older and newer, and downloads the filtered rows as CSV; without JavaScript too.
// Every page is checked by axe, and at 320 pixels the table scrolls in its own box, not the page.
import { readFile } from 'node:fs/promises';
import { expectNoAxeViolations, expectNoHorizontalScroll } from './support/accessibility';
import { signedIn } from './support/journeys';
import { expect, test } from './support/test';

const ADMIN = 'admin@halfhour.example';

test('an admin reads the audit log, filters it and downloads the CSV', async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await signedIn(browser, ADMIN, '/admin/audit');
  await expect(admin.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  const table = admin.getByRole('region', { name: /Audit log/ });
  // The demo's trail, newest first: asks written, sent for review and approved, with what the approval changed.
  await expect(table).toContainText('ask.submit');
  await expect(table).toContainText('ask.approve');
  await expect(table).toContainText('status: OPEN');
  await expectNoAxeViolations(admin);
  await admin.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(admin);
  await admin.setViewportSize({ width: 1280, height: 800 });

  // From the review queue, an ask's trail: only rows about that ask.
  await admin.goto('/admin/asks');
  await admin
    .getByRole('link', { name: /^Audit trail of/ })
    .first()
    .click();
  await expect(admin).toHaveURL(/\/admin\/audit\?target=/);
  const target = new URL(admin.url()).searchParams.get('target')!;
  await expect(table.getByRole('row')).not.toHaveCount(1);
  for (const link of await table.getByRole('link', { name: /every row about it/ }).all()) {
    await expect(link).toContainText(target);
  }
  await expect(table).toContainText('ask.submit');
  await expectNoAxeViolations(admin);

  // Filter: the admin's own verifications.
  await admin.goto('/admin/audit');
  await admin.getByLabel('Action').selectOption('organisation.verify');
  await admin.getByLabel('Person (name or email)').fill('Jo Admin');
  await admin.getByRole('button', { name: 'Filter' }).click();
  await expect(admin).toHaveURL(/action=organisation\.verify/);
  const rows = table.locator('tbody tr');
  const count = await rows.count();
  expect(count).toBeGreaterThan(0);
  for (let n = 0; n < count; n += 1) await expect(rows.nth(n).locator('td').nth(2)).toHaveText('organisation.verify');
  await expect(rows.first().locator('td').nth(1)).toContainText('Jo Admin');
  // Times are in the admin's zone, named.
  await expect(rows.first().locator('time')).toHaveText(/\d{4}, \d{2}:\d{2}:\d{2} (GMT|BST)/);
  await expectNoAxeViolations(admin);

  // The CSV holds exactly the filtered rows.
  const [download] = await Promise.all([
    admin.waitForEvent('download'),
    admin.getByRole('link', { name: 'Download these rows as CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^halfhour-audit-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await download.path())!, 'utf8');
  const lines = csv
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
  expect(lines[0]).toBe('time_utc,actor_id,actor,action,target_type,target_id,target,before,after,data');
  // Every filtered row, not only this page's.
  if (await admin.getByRole('link', { name: 'Older ›' }).count()) expect(lines.length).toBeGreaterThan(count + 1);
  else expect(lines).toHaveLength(count + 1);
  for (const line of lines.slice(1)) expect(line).toContain(',organisation.verify,Organisation,');

  // Nothing matches: a plain empty state with a way back.
  await admin.goto('/admin/audit?person=nobody-by-this-name');
  await expect(admin.getByRole('heading', { name: 'Nothing in the audit log matches these filters.' })).toBeVisible();
  await expectNoAxeViolations(admin);
});

test('the audit log works without JavaScript: filters and older and newer pages', async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await signedIn(browser, ADMIN, '/admin/audit', { javaScriptEnabled: false });
  const table = admin.getByRole('region', { name: /Audit log/ });
  const firstPage = await table.locator('tbody tr').first().textContent();

  await admin.getByRole('link', { name: 'Older ›' }).click();
  await expect(admin).toHaveURL(/after=/);
  await expect(table.locator('tbody tr').first()).not.toHaveText(firstPage!);
  await admin.getByRole('link', { name: '‹ Newer' }).click();
  await expect(admin).toHaveURL(/before=/);
  await expect(table.locator('tbody tr').first()).toHaveText(firstPage!);

  await admin.getByLabel('Action').selectOption('ask.submit');
  await admin.getByRole('button', { name: 'Filter' }).click();
  await expect(admin).toHaveURL(/action=ask\.submit/);
  const cells = table.locator('tbody tr td:nth-child(3)');
  await expect(cells.first()).toHaveText('ask.submit');
  expect(new Set(await cells.allTextContents())).toEqual(new Set(['ask.submit']));
  await admin.getByRole('link', { name: 'Clear filters' }).click();
  await expect(admin).toHaveURL(/\/admin\/audit$/);
});
