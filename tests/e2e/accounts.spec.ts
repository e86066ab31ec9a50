// Signing up and in for real: magic links read from the app's local mail catcher, onboarding,
// organisations, invitations and volunteer profiles, each page checked by axe.
import { expect, test } from './support/test';
import { expectNoAxeViolations } from './support/accessibility';
import { requestSignInLink, signIn, waitForEmail, linkIn } from './support/mail';

const unique = (name: string) => `${name}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@e2e.example`;

test('a charity worker signs up with a magic link, onboards and adds their organisation', async ({ page }) => {
  const email = unique('charity');
  await page.goto('/signin');
  await expectNoAxeViolations(page);

  const link = await requestSignInLink(page, email);
  await expect(page.getByText(/sign-in link is on its way/)).toBeVisible();
  await expect(page.getByRole('link', { name: /http:\/\/localhost:\d+/ })).toBeVisible(); // where the demo inbox is
  await expectNoAxeViolations(page);

  await page.goto(link);
  await expect(page).toHaveURL(/\/onboarding/);
  await expect(page.getByRole('heading', { name: 'Welcome to HalfHour' })).toBeVisible();
  await expectNoAxeViolations(page);

  // Nothing chosen: the error sits beside the question (and in the summary above the form); the typed name stays.
  await page.getByLabel('Your name').fill('Nadia Hussain');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('#roles-error')).toContainText('Choose at least one');
  await expect(
    page
      .getByRole('main')
      .getByRole('alert')
      .getByRole('link', { name: /Choose at least one/ }),
  ).toHaveAttribute('href', '#roles');
  await expect(page.getByLabel('Your name')).toHaveValue('Nadia Hussain');

  await page.getByLabel('I work for a charity or social enterprise').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/organisations\/new/);
  await expectNoAxeViolations(page);

  await page.getByLabel('Organisation name').fill('Leeds Community Fridge');
  await page.getByLabel('What kind of organisation is it?').selectOption({ label: 'Charitable company' });
  await page.getByLabel('Charity or company number').fill('NIC105287'); // a charity number, not a company one
  await page.getByRole('button', { name: 'Create organisation' }).click();

  // Every problem listed in the summary and beside its field, everything typed still there.
  await expect(page.getByRole('main').getByRole('alert')).toContainText('There is a problem');
  await expect(page.getByRole('main').getByRole('alert')).toContainText('Enter your Companies House number: 8 digits');
  await expect(page.locator('#registrationNumber-error')).toContainText('Enter your Companies House number: 8 digits');
  await expect(page.locator('#causeAreas-error')).toContainText('Choose at least one cause area.');
  await expect(page.getByLabel('Organisation name')).toHaveValue('Leeds Community Fridge');
  await expect(page.getByLabel('Charity or company number')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);

  await page.getByLabel('Charity or company number').fill('09417753');
  await page.getByLabel('Poverty').check();
  await page.getByLabel('Environment').check();
  await page.getByLabel('Where do you mainly work?').selectOption({ label: 'Yorkshire and the Humber' });
  await page.getByLabel('Yearly income').selectOption({ label: 'Income under £10,000' });
  await page.getByLabel('What does your organisation do?').fill('A community fridge in Chapeltown sharing surplus food from local shops.');
  await page.getByRole('button', { name: 'Create organisation' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Leeds Community Fridge' })).toBeVisible();
  await expect(page.getByText('Waiting for verification.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'People' })).toContainText('Nadia Hussain (you)');
  await expect(page.getByRole('region', { name: 'People' })).toContainText('Owner');
  await expectNoAxeViolations(page);

  // The header knows who is signed in; signing out ends the session.
  await expect(page.getByRole('navigation', { name: 'Main' })).toContainText('Nadia Hussain');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();

  // The same link never works twice.
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('That sign-in link has expired or has already been used');
  await expectNoAxeViolations(page);
});

test('a volunteer signs up and fills in a profile with skills', async ({ page }) => {
  await signIn(page, unique('volunteer'));
  await page.getByLabel('Your name').fill('Callum Reid');
  await page.getByLabel('I want to volunteer').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Become a volunteer' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('Headline').fill('Finance director, trustee of two charities');
  await page.getByRole('button', { name: 'Create my volunteer profile' }).click();
  await expect(page.locator('#skills-error')).toContainText('Choose at least one skill you can help with.');
  await expect(page.getByLabel('Headline')).toHaveValue('Finance director, trustee of two charities');
  await expectNoAxeViolations(page);

  await page.getByLabel('About your experience').fill('Thirty years in finance; I like turning a shoebox of receipts into a cashbook.');
  await page.getByText('Finance and bookkeeping', { exact: false }).first().click(); // open the category
  await page.getByLabel('Cashbook in Excel').selectOption({ label: 'Expert' });
  await page.getByLabel('Restricted and unrestricted funds').selectOption({ label: 'Experienced' });
  await page.getByText('Governance').click();
  await page.getByLabel('Trustee roles and duties').selectOption({ label: 'Working knowledge' });
  await page.getByRole('checkbox', { name: 'Phone', exact: true }).check();
  await page.getByLabel('Your time zone').selectOption('Europe/London');
  await page.getByLabel('Sessions a month you are happy to give').fill('3');
  await page.getByRole('button', { name: 'Create my volunteer profile' }).click();

  await expect(page.getByRole('status')).toHaveText('Your volunteer profile is ready. Charities can now find you.');
  await expect(page.getByLabel('Cashbook in Excel')).toHaveValue('EXPERT');
  await expect(page.getByRole('heading', { name: 'Taking a break' })).toBeVisible();

  await page.getByRole('button', { name: 'Pause volunteering' }).click();
  await expect(page.getByText('You are paused.')).toBeVisible();
  await page.getByRole('button', { name: 'Resume volunteering' }).click();
  await expect(page.getByText('Welcome back: you are volunteering again.')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a signed-out visitor to a private page signs in and lands back on it', async ({ page }) => {
  await page.goto('/account');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Faccount/);
  // A seeded member of Brightside (each test signs in as a different person: links go to one inbox).
  const link = await requestSignInLink(page, 'dan@brightside-youth.example.org');
  expect(new URL(link).searchParams.get('callbackUrl')).toMatch(/\/account$/);
  await page.goto(link);

  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('Your name').fill('');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('#name-error')).toContainText('Enter your name.');
  await page.getByLabel('Your name').fill('Dan Okafor');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toHaveText('Your account details are saved.');

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download my data' }).click();
  const data = JSON.parse(await (await (await download).createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString()));
  expect(data.email).toBe('dan@brightside-youth.example.org');
  expect(data.memberships[0].organisation.name).toBe('Brightside Youth Club');
});

test('an owner invites a colleague, who joins with the link', async ({ page, browser }) => {
  await signIn(page, 'charity@halfhour.example', '/organisations/org-brightside');
  await expect(page.getByRole('heading', { level: 1, name: 'Brightside Youth Club' })).toBeVisible();
  const colleague = unique('colleague');
  const since = new Date();
  await page.getByLabel('Colleague’s email (optional)').fill(colleague);
  await page.getByRole('button', { name: 'Create invitation link' }).click();
  await expect(page.getByText(`Invitation on its way to ${colleague}`)).toBeVisible();
  await expectNoAxeViolations(page);
  const invitation = await waitForEmail(colleague, since);
  const inviteLink = linkIn(invitation, /http:\/\/\S+\/invites\/[A-Za-z0-9_-]+/);

  const other = await browser.newContext();
  const colleaguePage = await other.newPage();
  await colleaguePage.goto(inviteLink);
  await expect(colleaguePage).toHaveURL(/\/signin\?callbackUrl=%2Finvites%2F/);
  const signInLink = await requestSignInLink(colleaguePage, colleague);
  await colleaguePage.goto(signInLink);
  await expect(colleaguePage.getByRole('heading', { name: 'Join Brightside Youth Club' })).toBeVisible();
  await expectNoAxeViolations(colleaguePage);
  await colleaguePage.getByRole('button', { name: 'Join Brightside Youth Club' }).click();
  await expect(colleaguePage.getByText('Welcome! You are now a member of this organisation.')).toBeVisible();
  await expect(colleaguePage.getByRole('heading', { name: 'Invite a colleague' })).toHaveCount(0); // members do not manage

  // Used once, it cannot be used again.
  await colleaguePage.goto(inviteLink);
  await expect(colleaguePage.getByRole('heading', { level: 1 })).toHaveText(/already a member|cannot be used/);
  await other.close();
});

test('an admin verifies a new organisation; others cannot reach the admin pages', async ({ page }) => {
  await signIn(page, 'volunteer@halfhour.example', '/admin/organisations');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('We could not find that page');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();

  await signIn(page, 'admin@halfhour.example', '/admin/organisations');
  await expect(page.getByRole('heading', { level: 1, name: 'Organisations to verify' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Verify Paws for Thought Rescue' }).click();
  await expect(page.getByRole('status')).toHaveText('Organisation verified.');
  await expect(page.getByRole('heading', { name: 'Paws for Thought Rescue' })).toHaveCount(0);
});

test.describe('with JavaScript turned off', () => {
  test.use({ javaScriptEnabled: false });

  test('the sign-in form shows errors beside the field, keeps the input, and sends the link', async ({ page }) => {
    await page.goto('/signin');
    await page.getByLabel('Email address').fill('me@example.org, you@example.org');
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await expect(page.locator('#email-error')).toContainText('Enter one email address only');
    await expect(page.getByLabel('Email address')).toHaveValue('me@example.org, you@example.org');

    const email = unique('nojs');
    const since = new Date();
    await page.getByLabel('Email address').fill(email);
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
    const link = linkIn(await waitForEmail(email, since), /http:\/\/\S+\/api\/auth\/callback\/email\?\S+/);

    await page.goto(link);
    await page.getByLabel('Your name').fill('No Script');
    await page.getByLabel('I want to volunteer').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { name: 'Become a volunteer' })).toBeVisible();
    await page.getByLabel('Headline').fill('Works without JavaScript');
    await page.getByRole('button', { name: 'Create my volunteer profile' }).click();
    await expect(page.locator('#skills-error')).toContainText('Choose at least one skill you can help with.');
    await expect(page.getByLabel('Headline')).toHaveValue('Works without JavaScript');
  });
});
