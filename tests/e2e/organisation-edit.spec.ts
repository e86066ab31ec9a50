// An organisation an admin could not verify: its owner follows the email's link, sees why, corrects the
// details and sends them back, and the organisation is in the admin's queue again. Each page checked by axe.
import { expect, test } from './support/test';
import { expectNoAxeViolations } from './support/accessibility';
import { signedIn } from './support/journeys';
import { linkIn, signIn, waitForEmail } from './support/mail';

const unique = (name: string) => `${name}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@e2e.example`;

test('the owner of a rejected organisation corrects its details and sends it back for verification', async ({ page, browser }) => {
  test.setTimeout(180_000); // two people sign in, an admin decides, axe runs on four pages
  // A new charity worker adds their organisation, with a charity number that is not theirs.
  const email = unique('rejected');
  const name = `Moss Side Tool Library ${Date.now().toString(36)}`;
  await signIn(page, email);
  await page.getByLabel('Your name').fill('Amara Obi');
  await page.getByLabel('I work for a charity or social enterprise').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/organisations\/new/);
  await page.getByLabel('Organisation name').fill(name);
  await page.getByLabel('What kind of organisation is it?').selectOption({ label: 'Registered charity' });
  await page.getByLabel('Charity or company number').fill('1143287');
  await page.getByLabel('Community development').check();
  await page.getByLabel('Where do you mainly work?').selectOption({ label: 'North West England' });
  await page.getByLabel('Yearly income').selectOption({ label: 'Income under £10,000' });
  await page
    .getByLabel('What does your organisation do?')
    .fill('A library of drills, ladders and sewing machines that neighbours borrow for free.');
  await page.getByRole('button', { name: 'Create organisation' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const organisationPath = new URL(page.url()).pathname;

  // An admin cannot verify it and says why.
  const since = new Date();
  const admin = await signedIn(browser, 'admin@halfhour.example', '/admin/organisations');
  const entry = admin.getByRole('listitem').filter({ has: admin.getByRole('heading', { name }) });
  await entry.getByLabel(`Reason for not verifying ${name}`).fill('Charity number 1143287 belongs to another charity on the register.');
  await entry.getByRole('button', { name: 'Do not verify' }).click();
  await expect(admin.getByRole('status')).toHaveText('Organisation marked as not verified.');
  await expect(admin.getByRole('heading', { name })).toHaveCount(0);

  // Nobody but an owner reaches the edit page: the admin sees the same missing page as for a made-up id.
  await admin.goto(`${organisationPath}/edit`);
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText('We could not find that page');

  // The owner follows the email's button to the form, where the reason is at the top.
  const rejection = await waitForEmail(email, since);
  expect(rejection.subject).toBe(`We could not verify ${name}`);
  await page.goto(linkIn(rejection, /http:\/\/\S+\/organisations\/[^/\s]+\/edit/));
  await expect(page).toHaveURL(new RegExp(`${organisationPath}/edit$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Edit your organisation’s details' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Why we could not verify it' })).toContainText('belongs to another charity');
  await expect(page.getByLabel('Organisation name')).toHaveValue(name);
  await expect(page.getByLabel('Community development')).toBeChecked();
  await expectNoAxeViolations(page);

  // A mistake is shown beside its field, with everything typed kept.
  await page.getByLabel('Charity or company number').fill('1187650');
  await page.getByLabel('What does your organisation do?').fill('Tools.');
  await page.getByRole('button', { name: 'Save and send for verification' }).click();
  await expect(page.locator('#description-error')).toContainText('Tell volunteers what you do in at least a sentence');
  await expect(page.getByLabel('Charity or company number')).toHaveValue('1187650');
  await expectNoAxeViolations(page);

  await page
    .getByLabel('What does your organisation do?')
    .fill('A library of drills, ladders and sewing machines that neighbours in Moss Side borrow for free.');
  await page.getByRole('button', { name: 'Save and send for verification' }).click();
  await expect(page).toHaveURL(new RegExp(`${organisationPath}\\?notice=resubmitted$`));
  await expect(page.getByRole('status')).toHaveText(
    'Saved and sent to us to verify. We usually check within a working day; your approved asks are published once we have verified your organisation.',
  );
  await expect(page.getByText('Waiting for verification.')).toBeVisible();
  await expect(page.getByText('1187650')).toBeVisible();
  await expectNoAxeViolations(page);

  // Back in the admin's queue, with the corrected number.
  await admin.goto('/admin/organisations');
  await expect(entry).toContainText('1187650');
  await admin.context().close();
});
