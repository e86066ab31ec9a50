// Every server action is a public endpoint: the page that shows a button proves nothing. These tests
// send the actions' own requests with the ids swapped for someone else's ask (bound ids travel in
// the form, so anyone can change them) and check the server refuses and nothing changes.
import { type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { BASE_URL } from '../../playwright.config';
import { signIn } from './support/mail';

// Seeded: a Brightside draft, and a Kinship ask sent back for changes (Fiona is Kinship's only staff).
const BRIGHTSIDE_DRAFT = 'ask-lottery-opening-paragraph';
const BRIGHTSIDE_UNDER_REVIEW = 'ask-brightside-safeguarding-trips';
const KINSHIP_ASK = 'ask-kinship-trustees';

/** The fields a form sends (hidden ones included), with `names` of its inputs filled as a person would. */
async function formFields(page: Page, buttonName: string | RegExp, values: Record<string, string> = {}): Promise<Record<string, string>> {
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: buttonName }) });
  const fields = await form.evaluate((element) =>
    Object.fromEntries(
      [...(element as HTMLFormElement).querySelectorAll('input, textarea, select')]
        .map((input) => input as HTMLInputElement)
        .filter((input) => input.name && (input.type !== 'checkbox' || input.checked))
        .map((input) => [input.name, input.value]),
    ),
  );
  return { ...fields, ...values };
}

/** Swaps the ask id React bound into the form's action for another. */
function withBoundId(fields: Record<string, string>, from: string, to: string): Record<string, string> {
  const tampered = { ...fields };
  const bound = Object.keys(tampered).find((key) => /^\$ACTION_\d+:1$/.test(key));
  if (!bound || !tampered[bound]!.includes(from)) throw new Error(`no bound id ${from} in ${JSON.stringify(fields)}`);
  tampered[bound] = tampered[bound]!.replace(from, to);
  return tampered;
}

async function post(page: Page, path: string, fields: Record<string, string>) {
  return page.request.post(path, { multipart: fields, headers: { Origin: BASE_URL }, maxRedirects: 0 });
}

test('staff of another organisation cannot read, edit, submit or withdraw a draft', async ({ browser }) => {
  test.setTimeout(120_000);
  const fiona = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await signIn(fiona, 'fiona@kinshipcarers.example.org', `/my-asks/${KINSHIP_ASK}/edit`);

  // Reading someone else's draft is a 404, not a "forbidden" that would confirm it exists.
  for (const path of [
    `/my-asks/${BRIGHTSIDE_DRAFT}`,
    `/my-asks/${BRIGHTSIDE_DRAFT}/edit`,
    `/my-asks/${BRIGHTSIDE_DRAFT}/split`,
    `/asks/${BRIGHTSIDE_DRAFT}`,
  ]) {
    expect((await fiona.request.get(path)).status(), path).toBe(404);
  }

  // Her own edit form's action, pointed at Brightside's draft: editing and submitting are refused.
  await fiona.goto(`/my-asks/${KINSHIP_ASK}/edit`);
  for (const intent of ['draft', 'submit']) {
    const fields = withBoundId(
      await formFields(fiona, 'Save as draft', { title: 'Hijacked title here', intent }),
      KINSHIP_ASK,
      BRIGHTSIDE_DRAFT,
    );
    const response = await post(fiona, `/my-asks/${KINSHIP_ASK}/edit`, fields);
    expect(response.status(), intent).toBe(404);
  }

  // Her own withdraw form's action, pointed at Brightside's asks.
  await fiona.goto(`/my-asks/${KINSHIP_ASK}`);
  for (const target of [BRIGHTSIDE_DRAFT, BRIGHTSIDE_UNDER_REVIEW]) {
    const fields = withBoundId(await formFields(fiona, 'Withdraw this ask'), KINSHIP_ASK, target);
    expect((await post(fiona, `/my-asks/${KINSHIP_ASK}`, fields)).status()).toBe(404);
  }

  // Brightside's staff still see both exactly as they were.
  const owner = await (await browser.newContext()).newPage();
  await signIn(owner, 'charity@halfhour.example', `/my-asks/${BRIGHTSIDE_DRAFT}`);
  await expect(owner.getByRole('heading', { level: 1 })).toHaveText('Check the opening paragraph of our lottery bid');
  await expect(owner.getByText('Draft', { exact: true })).toBeVisible();
  await owner.goto(`/my-asks/${BRIGHTSIDE_UNDER_REVIEW}`);
  await expect(owner.getByText('Waiting for review', { exact: true })).toBeVisible();
});

test('only admins can moderate, even with the moderation form in hand', async ({ browser }) => {
  test.setTimeout(120_000);
  // An admin's approve form for an ask waiting for review...
  const admin = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await signIn(admin, 'admin@halfhour.example', '/admin/asks');
  const approve = await formFields(admin, /^Approve “Which of our roles need an enhanced DBS check\?”/);

  // ...sent by a volunteer, and by charity staff, is refused, and the ask stays in the queue.
  for (const email of ['volunteer@halfhour.example', 'fiona@kinshipcarers.example.org']) {
    const intruder = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await signIn(intruder, email, '/dashboard');
    expect((await intruder.request.get('/admin/asks')).status()).toBe(404);
    expect((await post(intruder, '/admin/asks', approve)).status(), email).toBe(404);
  }
  await admin.goto('/admin/asks');
  await expect(admin.getByRole('heading', { name: 'Which of our roles need an enhanced DBS check?' })).toBeVisible();
});
