// Every email today's features send, through the real path: the domain function queues it in its
// transaction, the pg-boss worker renders and sends it over SMTP, and it arrives once, to the right
// person, with a subject that says what happened, the link to act on and a plain-text part.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { createAsk, createOrganisation, createUser } from '../support/factories';
import { eventually, withJobQueue } from '../support/jobs';
import { startSmtpCapture, type CapturedEmail, type SmtpCapture } from '../support/smtp-capture';

vi.hoisted(() => {
  process.env.APP_URL = 'http://localhost:3999';
  process.env.AUTH_SECRET = 'integration-test-secret-that-is-long-enough';
});

const { db } = await import('@/lib/db');
const { requestSignInLink } = await import('@/lib/auth/sign-in');
const { createInvite } = await import('@/lib/orgs/mutations');
const { verifyOrganisation, rejectOrganisation } = await import('@/lib/moderation/organisations');
const { approveAsk, requestAskChanges, rejectAsk } = await import('@/lib/moderation/asks');
const { queueEmail } = await import('@/lib/email/outbox');
const { POST: oneClickUnsubscribe } = await import('@/app/api/unsubscribe/route');

let smtp: SmtpCapture;
beforeAll(async () => {
  smtp = await startSmtpCapture();
});
afterAll(async () => {
  await smtp.close();
});
withJobQueue({ smtpUrl: () => smtp.url });

const actor = (user: { id: string; role: Actor['role'] }): Actor => ({ id: user.id, role: user.role, status: 'ACTIVE' });

/** The one email to `address`, after the queue has sent everything it holds. */
async function onlyEmailTo(address: string): Promise<CapturedEmail> {
  await eventually(async () => (await db.emailOutbox.count({ where: { status: { in: ['PENDING', 'SENDING'] } } })) === 0);
  await eventually(() => smtp.to(address).length > 0);
  const emails = smtp.to(address);
  expect(emails, `emails to ${address}`).toHaveLength(1);
  return emails[0]!;
}

function subjectOf(email: CapturedEmail): string {
  return email.text.match(/^Subject: (.*)$/m)?.[1] ?? '';
}

/** Checks the parts a reader needs: plain text and HTML, the link in both, nothing left unfilled. */
function expectReadable(email: CapturedEmail, link: RegExp) {
  expect(email.raw).toMatch(/Content-Type: text\/plain/);
  expect(email.raw).toMatch(/Content-Type: text\/html/);
  expect(email.raw).toMatch(/^Message-ID: <[^>]+@localhost>/m);
  expect(email.raw).toMatch(/^Date: /m);
  expect(email.text).toMatch(link);
  expect(email.text).not.toMatch(/undefined|\bnull\b|NaN|\[object Object\]/);
}

async function owner(organisationStatus: 'VERIFIED' | 'PENDING_VERIFICATION' = 'VERIFIED') {
  const user = await createUser(db, { name: 'Olu Owner' });
  const organisation = await createOrganisation(db, { name: `Food Bank ${user.id.slice(-5)}`, status: organisationStatus });
  await db.membership.create({ data: { userId: user.id, organisationId: organisation.id, role: 'OWNER' } });
  return { user, organisation };
}

describe('the emails sent today', () => {
  let admin: Actor;
  beforeAll(async () => {
    admin = actor(await createUser(db, { role: 'ADMIN', name: 'Ada Admin' }));
  });

  it('sign-in link: to the address typed, with the link', async () => {
    expect((await requestSignInLink({ email: 'Reader@Example.org' }, '192.0.2.1')).ok).toBe(true);
    const email = await onlyEmailTo('reader@example.org');
    expect(subjectOf(email)).toBe('Your HalfHour sign-in link');
    expectReadable(email, /http:\/\/localhost:3999\/api\/auth\/callback\/email\?/);
    // A sign-in link is never optional mail: no unsubscribe header.
    expect(email.raw).not.toMatch(/^List-Unsubscribe:/m);
  });

  it('organisation invitation: to the colleague, naming the organisation and who invited them', async () => {
    const { user, organisation } = await owner();
    const result = await createInvite(actor(user), organisation.id, { email: 'colleague@example.org' });
    expect(result.ok).toBe(true);
    const email = await onlyEmailTo('colleague@example.org');
    expect(subjectOf(email)).toContain(organisation.name);
    expect(email.text).toContain('Olu Owner');
    expectReadable(email, /http:\/\/localhost:3999\/invites\/[\w-]+/);
  });

  it('organisation verified and rejected: to the owners', async () => {
    const verified = await owner('PENDING_VERIFICATION');
    expect(await verifyOrganisation(admin, verified.organisation.id)).toBe(true);
    const yes = await onlyEmailTo(verified.user.email);
    expect(subjectOf(yes)).toContain(verified.organisation.name);
    expect(subjectOf(yes)).toMatch(/verified/i);
    // "Post an ask" leads to the ask form, not the organisation's page.
    expectReadable(yes, /http:\/\/localhost:3999\/my-asks\/new/);

    const rejected = await owner('PENDING_VERIFICATION');
    const reason = 'We could not find this charity number on the register.';
    expect((await rejectOrganisation(admin, rejected.organisation.id, { reason })).ok).toBe(true);
    const no = await onlyEmailTo(rejected.user.email);
    expect(subjectOf(no)).toContain(rejected.organisation.name);
    expect(no.text).toContain(reason);
    expectReadable(no, new RegExp(`http://localhost:3999/organisations/${rejected.organisation.id}`));

    // Deciding again changes nothing and sends nothing.
    expect(await verifyOrganisation(admin, verified.organisation.id)).toBe(false);
    await onlyEmailTo(verified.user.email);
  });

  it('ask approved, changes requested and rejected: to the ask’s author, with the moderator’s words', async () => {
    const { organisation } = await owner();
    const author = await createUser(db, { name: 'Ana Author' });
    await db.membership.create({ data: { userId: author.id, organisationId: organisation.id, role: 'MEMBER' } });
    const ask = (title: string) =>
      createAsk(db, organisation.id, {
        title,
        status: 'PENDING_REVIEW',
        publishedAt: null,
        createdById: author.id,
        submittedAt: new Date(),
      });

    const approved = await ask('Check the opening paragraph of our lottery bid');
    expect((await approveAsk(admin, approved.id)).ok).toBe(true);
    const changed = await ask('Set up a cashbook in Excel');
    const changes = 'Please say which version of Excel you use, so the right volunteer offers.';
    expect((await requestAskChanges(admin, changed.id, { note: changes })).ok).toBe(true);
    const refused = await ask('Write our whole fundraising strategy');
    const why = 'This is a six-month project, not a half-hour question: try splitting it.';
    expect((await rejectAsk(admin, refused.id, { note: why })).ok).toBe(true);

    await eventually(() => smtp.to(author.email).length >= 3);
    await eventually(async () => (await db.emailOutbox.count({ where: { status: { in: ['PENDING', 'SENDING'] } } })) === 0);
    const emails = smtp.to(author.email);
    expect(emails).toHaveLength(3);
    const bySubject = (text: string) => emails.find((email) => subjectOf(email).includes(text))!;

    const live = bySubject('lottery bid');
    expect(subjectOf(live)).toMatch(/live/i);
    expectReadable(live, new RegExp(`http://localhost:3999/my-asks/${approved.id}`));

    const back = bySubject('cashbook');
    expect(back.text).toContain(changes);
    expectReadable(back, new RegExp(`http://localhost:3999/my-asks/${changed.id}/edit`));

    const no = bySubject('fundraising strategy');
    expect(no.text).toContain(why);
    expectReadable(no, new RegExp(`http://localhost:3999/my-asks/${refused.id}`));
  });

  it('an ask approved while its organisation waits: "approved", then "live" on verification, to the owner and the author', async () => {
    const { user: ownerUser, organisation } = await owner('PENDING_VERIFICATION');
    const author = await createUser(db, { name: 'Ana Author' });
    await db.membership.create({ data: { userId: author.id, organisationId: organisation.id, role: 'MEMBER' } });
    const ask = await createAsk(db, organisation.id, {
      title: 'Check the opening paragraph of our lottery bid',
      status: 'PENDING_REVIEW',
      publishedAt: null,
      createdById: author.id,
      submittedAt: new Date(),
    });

    expect(await approveAsk(admin, ask.id)).toMatchObject({ ok: true, data: { published: false } });
    const approved = await onlyEmailTo(author.email);
    expect(subjectOf(approved)).toContain('Your ask is approved: Check the opening paragraph');
    expect(approved.text).toContain(`it will be published as soon as the organisation is verified`);
    expect(approved.text).not.toMatch(/Your ask is live|can now see it/);
    expect(smtp.to(ownerUser.email)).toHaveLength(0);

    expect(await verifyOrganisation(admin, organisation.id)).toBe(true);
    await eventually(() => smtp.to(author.email).length === 2 && smtp.to(ownerUser.email).length === 1);
    for (const email of [smtp.to(author.email)[1]!, smtp.to(ownerUser.email)[0]!]) {
      expect(subjectOf(email)).toBe(`${organisation.name} is verified: your ask is live`);
      expect(email.text).toContain('is now live: volunteers can see it');
      expectReadable(email, new RegExp(`http://localhost:3999/asks/${ask.id}`));
      expect(email.text).toMatch(/Post an ask http:\/\/localhost:3999\/my-asks\/new/);
    }
  });
});

describe('optional email', () => {
  it('carries List-Unsubscribe headers whose one-click POST turns that email off, and is not queued once off', async () => {
    const charity = await createUser(db, { name: 'Cat Charity' });
    const offer = {
      to: charity.email,
      userId: charity.id,
      message: {
        kind: 'offer-received' as const,
        data: {
          askTitle: 'Check our cashbook',
          volunteerName: 'Val Volunteer',
          message: 'Happy to help.',
          url: 'http://localhost:3999/my-asks/a1',
        },
      },
    };
    await db.$transaction((tx) => queueEmail(tx, offer));
    const email = await onlyEmailTo(charity.email);
    const header = email.text.match(/^List-Unsubscribe:\s+<([^>]+)>/m)?.[1];
    expect(header).toMatch(/^http:\/\/localhost:3999\/api\/unsubscribe\?token=/);
    expect(email.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
    // The footer's link goes to the page that asks first.
    expect(email.text).toMatch(/http:\/\/localhost:3999\/unsubscribe\?token=/);

    const response = await oneClickUnsubscribe(
      new Request(header!, {
        method: 'POST',
        body: 'List-Unsubscribe=One-Click',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      }),
    );
    expect(response.status).toBe(200);
    expect(await db.user.findUniqueOrThrow({ where: { id: charity.id } })).toMatchObject({ emailOnOffers: false, emailReminders: true });

    expect(await db.$transaction((tx) => queueEmail(tx, offer))).toBeNull();
    expect(await db.emailOutbox.count({ where: { userId: charity.id } })).toBe(1);
  });
});
