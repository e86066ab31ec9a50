// Writing, submitting, editing, withdrawing, splitting and moderating asks, through the same lib
// functions the server actions call. Authorisation is checked where the data is written.
import { beforeAll, describe, expect, it } from 'vitest';
import { AccessDenied } from '@/lib/auth/actor';
import { expireOverdueAsks } from '@/lib/asks/expiry';
import { saveAsk, splitAskIntoStages, withdrawAsk } from '@/lib/asks/mutations';
import { getAskForStaff, getPublicAsk, getPublicProject, listMyAsks } from '@/lib/asks/queries';
import { db } from '@/lib/db';
import { approveAsk, listAsksAwaitingReview, rejectAsk, requestAskChanges } from '@/lib/moderation/asks';
import { verifyOrganisation } from '@/lib/moderation/organisations';
import { addDays, dateInZone } from '@/lib/time-zones';
import { createOrganisation, createSkill, createUser, createVolunteer } from '../support/factories';
import { withJobQueue } from '../support/jobs';

type User = Awaited<ReturnType<typeof createUser>>;

// Moderation and invitations queue emails in their transactions; no worker sends them here.
withJobQueue();

let staffA: User, colleagueA: User, staffB: User, volunteer: User, admin: User, admin2: User;
let orgA: string, orgB: string, pendingOrg: string;
let skills: string[];

const inDays = (days: number) => addDays(dateInZone(new Date(), 'Europe/London'), days);

function goodAsk(overrides: Record<string, unknown> = {}) {
  return {
    organisationId: orgA,
    title: 'Set up a cashbook in Excel for our tuck shop',
    question:
      'We take cash for the tuck shop and weekly subs and write it in a notebook. How should we set up an Excel cashbook our treasurer can check each month?',
    outcome: 'A working cashbook template with our categories, and knowing how to reconcile it with the bank.',
    context: 'About 40 transactions a week, all under £20. We use Excel 365.',
    prepLink: '',
    skills: skills.slice(0, 2),
    durationMinutes: '45',
    media: ['VIDEO', 'PHONE'],
    location: '',
    timeZone: 'Europe/London',
    deadline: inDays(21),
    'day-1': 'on',
    'from-1': '09:30',
    'to-1': '16:00',
    'day-3': 'on',
    'from-3': '18:00',
    'to-3': '20:00',
    intent: 'draft',
    ...overrides,
  };
}

async function draftFor(actor: User, overrides: Record<string, unknown> = {}) {
  const result = await saveAsk(actor, null, goodAsk(overrides));
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.data.id;
}

async function member(organisationId: string, user: User, role: 'OWNER' | 'MEMBER' = 'MEMBER') {
  await db.membership.create({ data: { organisationId, userId: user.id, role } });
}

beforeAll(async () => {
  [staffA, colleagueA, staffB, volunteer] = await Promise.all([createUser(db), createUser(db), createUser(db), createVolunteer(db)]);
  admin = await createUser(db, { role: 'ADMIN' });
  admin2 = await createUser(db, { role: 'ADMIN' });
  orgA = (await createOrganisation(db, { name: 'Brightside Test Club' })).id;
  orgB = (await createOrganisation(db)).id;
  pendingOrg = (await createOrganisation(db, { status: 'PENDING_VERIFICATION' })).id;
  await member(orgA, staffA, 'OWNER');
  await member(orgA, colleagueA);
  await member(orgB, staffB, 'OWNER');
  await member(pendingOrg, staffB, 'OWNER');
  const category = `finance-${Date.now()}`;
  skills = [
    (await createSkill(db, `cashbook-${Date.now()}`, category)).slug,
    (await createSkill(db, `spreadsheets-${Date.now()}`, category)).slug,
  ];
});

describe('writing an ask', () => {
  it('saves a draft with everything typed, the coach score and its history', async () => {
    const id = await draftFor(staffA);
    const ask = await getAskForStaff(staffA, id);
    expect(ask).toMatchObject({ status: 'DRAFT', durationMinutes: 45, media: ['VIDEO', 'PHONE'], timeZone: 'Europe/London', version: 0 });
    expect(ask!.availability).toEqual([
      { weekday: 1, from: '09:30', to: '16:00' },
      { weekday: 3, from: '18:00', to: '20:00' },
    ]);
    expect(ask!.qualityScore).toBeGreaterThanOrEqual(60);
    expect(ask!.skills.map(({ skill }) => skill.slug).sort()).toEqual([...skills].sort());
    // The deadline is the end of the chosen day, UK time.
    expect(dateInZone(ask!.deadline, 'Europe/London')).toBe(inDays(21));
    expect(ask!.history.map((entry) => entry.action)).toEqual(['ask.create']);
  });

  it('only runs the coach for "Check my ask", saving nothing', async () => {
    const before = await db.ask.count();
    const result = await saveAsk(
      staffA,
      null,
      goodAsk({ intent: 'check', title: 'Help with marketing', question: 'How do we get more funding?' }),
    );
    expect(result.ok).toBe(false);
    expect(result.coach?.flags).toContain('too-broad');
    expect(result.coach!.score).toBeLessThan(60);
    if (!result.ok) expect(result.values.title).toBe('Help with marketing');
    expect(await db.ask.count()).toBe(before);
  });

  it('returns every field problem beside its field with the input kept, and writes nothing', async () => {
    const before = await db.ask.count();
    const bad = {
      organisationId: orgA,
      title: 'Short',
      question: 'Too short',
      outcome: '',
      context: 'x'.repeat(3001),
      prepLink: 'not a link',
      skills: ['a', 'b', 'c', 'd', 'e', 'f'],
      durationMinutes: '25',
      media: ['IN_PERSON', 'CARRIER_PIGEON'],
      location: '',
      timeZone: 'Mars/Olympus',
      deadline: '2020-01-01',
      'day-2': 'on',
      'from-2': '17:00',
      'to-2': '09:00',
      intent: 'submit',
    };
    const result = await saveAsk(staffA, null, bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    // Every problem after one attempt: the rules for sending for review (question, outcome) do not wait for the rest to be valid.
    expect(Object.keys(result.fieldErrors).sort()).toEqual(
      ['availability', 'context', 'durationMinutes', 'media', 'outcome', 'prepLink', 'question', 'skills', 'timeZone', 'title'].sort(),
    );
    expect(result.values).toMatchObject({ title: 'Short', question: 'Too short', durationMinutes: '25' });

    // Rules that read two fields run once those two are valid: a place for in person, a deadline in the ask's zone.
    const second = await saveAsk(staffA, null, {
      ...bad,
      title: 'A proper title here',
      context: '',
      prepLink: '',
      skills: [],
      durationMinutes: '30',
      media: ['IN_PERSON'],
      timeZone: 'Europe/London',
      'day-2': undefined,
    });
    expect(second.ok).toBe(false);
    if (second.ok) return;
    expect(Object.keys(second.fieldErrors).sort()).toEqual(['availability', 'deadline', 'location', 'outcome', 'question', 'skills']);
    expect((await saveAsk(staffA, null, goodAsk({ deadline: inDays(57) }))).ok).toBe(false); // more than eight weeks
    expect((await saveAsk(staffA, null, goodAsk({ deadline: 'next tuesday' }))).ok).toBe(false);
    expect(await db.ask.count()).toBe(before);
  });

  it('stores hostile text inert: script tags as text, NUL bytes dropped, 100k characters refused', async () => {
    const id = await draftFor(staffA, {
      title: '<script>alert(1)</script> our bid',
      question: 'Is this\u0000 right? <img src=x onerror=alert(1)>',
    });
    const ask = await db.ask.findUniqueOrThrow({ where: { id } });
    expect(ask.title).toBe('<script>alert(1)</script> our bid');
    expect(ask.question).toBe('Is this right? <img src=x onerror=alert(1)>');
    const huge = await saveAsk(staffA, null, goodAsk({ question: 'a'.repeat(100_000), outcome: 'b'.repeat(100_000) }));
    expect(huge.ok).toBe(false);
    if (!huge.ok) expect(Object.keys(huge.fieldErrors).sort()).toEqual(['outcome', 'question']);
  });

  it('refuses an organisation the author does not belong to, and ignores forged status fields', async () => {
    await expect(saveAsk(staffA, null, goodAsk({ organisationId: orgB }))).rejects.toBeInstanceOf(AccessDenied);
    const id = await draftFor(staffA, { status: 'OPEN', publishedAt: new Date().toISOString(), qualityScore: '100', version: '99' });
    expect(await db.ask.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'DRAFT', publishedAt: null, organisationId: orgA });
  });
});

describe('who may read and change an ask', () => {
  it('keeps a draft private to its organisation, through every lib function', async () => {
    const id = await draftFor(staffA);
    for (const outsider of [staffB, volunteer, admin]) {
      expect(await getAskForStaff(outsider, id)).toBeNull();
      await expect(saveAsk(outsider, id, goodAsk({ version: '0' }))).rejects.toBeInstanceOf(AccessDenied);
      await expect(saveAsk(outsider, id, goodAsk({ version: '0', intent: 'submit' }))).rejects.toBeInstanceOf(AccessDenied);
      await expect(withdrawAsk(outsider, id, {})).rejects.toBeInstanceOf(AccessDenied);
      await expect(splitAskIntoStages(outsider, id, {})).rejects.toBeInstanceOf(AccessDenied);
      expect((await listMyAsks(outsider)).map((ask) => ask.id)).not.toContain(id);
    }
    expect(await getPublicAsk(id)).toBeNull();
    expect(await db.ask.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'DRAFT', version: 0 });
    // A colleague in the same organisation may.
    expect((await getAskForStaff(colleagueA, id))?.id).toBe(id);
  });

  it('refuses a suspended member', async () => {
    const id = await draftFor(staffA);
    await expect(saveAsk({ ...staffA, status: 'SUSPENDED' }, id, goodAsk({ version: '0' }))).rejects.toBeInstanceOf(AccessDenied);
  });

  it('lets only admins moderate', async () => {
    const id = await draftFor(staffA, { intent: 'submit' });
    for (const actor of [staffA, volunteer, { ...admin, status: 'SUSPENDED' as const }]) {
      await expect(approveAsk(actor, id)).rejects.toBeInstanceOf(AccessDenied);
      await expect(requestAskChanges(actor, id, { note: 'Please be more specific.' })).rejects.toBeInstanceOf(AccessDenied);
      await expect(rejectAsk(actor, id, { note: 'Not for this platform.' })).rejects.toBeInstanceOf(AccessDenied);
      await expect(listAsksAwaitingReview(actor)).rejects.toBeInstanceOf(AccessDenied);
    }
    expect((await db.ask.findUniqueOrThrow({ where: { id } })).status).toBe('PENDING_REVIEW');
  });
});

describe('the lifecycle', () => {
  it('goes draft, review, changes requested, edited, resubmitted, approved and public; the author sees the message', async () => {
    const id = await draftFor(staffA);
    const submitted = await saveAsk(staffA, id, goodAsk({ version: '0', intent: 'submit' }));
    expect(submitted.ok).toBe(true);
    expect((await listAsksAwaitingReview(admin)).asks.map((ask) => ask.id)).toContain(id);

    expect((await requestAskChanges(admin, id, { note: 'Short' })).ok).toBe(false); // a message they can act on
    expect((await requestAskChanges(admin, id, { note: 'Say which bank you use and attach last month’s notebook page.' })).ok).toBe(true);
    const sentBack = (await listMyAsks(staffA)).find((ask) => ask.id === id)!;
    expect(sentBack).toMatchObject({
      status: 'CHANGES_REQUESTED',
      moderationNote: 'Say which bank you use and attach last month’s notebook page.',
    });

    const edited = await saveAsk(
      staffA,
      id,
      goodAsk({ version: '1', context: 'We bank with Unity Trust. I will send a photo of last month’s notebook page.', intent: 'submit' }),
    );
    expect(edited.ok).toBe(true);
    expect(await approveAsk(admin, id)).toMatchObject({ ok: true, data: { published: true }, message: 'Approved and published.' });
    const published = await getPublicAsk(id);
    expect(published).toMatchObject({ status: 'OPEN' });
    expect((await getAskForStaff(staffA, id))!.history.map((entry) => entry.action)).toEqual([
      'ask.create',
      'ask.submit',
      'ask.request_changes',
      'ask.submit',
      'ask.approve',
    ]);
  });

  it('refuses every move outside the table through the lib functions', async () => {
    const draft = await draftFor(staffA);
    expect((await approveAsk(admin, draft)).ok).toBe(false); // a draft is not under review
    expect((await rejectAsk(admin, draft, { note: 'Not suitable for the platform.' })).ok).toBe(false);

    const open = await draftFor(staffA, { intent: 'submit' });
    await approveAsk(admin, open);
    expect((await saveAsk(staffA, open, goodAsk({ version: '1' }))).ok).toBe(false); // published asks are not edited
    expect((await saveAsk(staffA, open, goodAsk({ version: '1', intent: 'submit' }))).ok).toBe(false);
    expect((await requestAskChanges(admin, open, { note: 'Too late to change this one.' })).ok).toBe(false);

    const matched = await draftFor(staffA, { intent: 'submit' });
    await approveAsk(admin, matched);
    await db.ask.update({ where: { id: matched }, data: { status: 'MATCHED' } });
    expect((await withdrawAsk(staffA, matched, {})).ok).toBe(false); // a session is booked

    const withdrawn = await draftFor(staffA);
    expect((await withdrawAsk(staffA, withdrawn, { reason: 'We found a trustee who can do it.' })).ok).toBe(true);
    expect((await withdrawAsk(staffA, withdrawn, {})).ok).toBe(false);
    expect((await saveAsk(staffA, withdrawn, goodAsk({ version: '1', intent: 'submit' }))).ok).toBe(false);
    expect(await db.ask.findUniqueOrThrow({ where: { id: withdrawn } })).toMatchObject({ status: 'WITHDRAWN' });
  });

  it('withdrawing an open ask declines the offers waiting on it, kindly', async () => {
    const id = await draftFor(staffA, { intent: 'submit' });
    await approveAsk(admin, id);
    await db.offer.create({ data: { askId: id, volunteerId: volunteer.id, message: 'Happy to help.', medium: 'VIDEO' } });
    expect((await withdrawAsk(staffA, id, {})).ok).toBe(true);
    const offer = await db.offer.findFirstOrThrow({ where: { askId: id } });
    expect(offer.status).toBe('DECLINED');
    expect(offer.declineNote).toMatch(/no longer needs help/);
    expect(offer.declineReason).toBe('ASK_CLOSED');
    const emails = await db.emailOutbox.findMany({
      where: { kind: 'offer-declined', userId: volunteer.id, dedupeKey: `offer-declined:${offer.id}` },
    });
    expect(emails).toHaveLength(1);
    expect(emails[0]!.data).toMatchObject({ reason: 'ask-closed' });
    expect(await getPublicAsk(id)).toBeNull();
  });

  it('refuses an edit made from a stale form instead of losing a colleague’s words', async () => {
    const id = await draftFor(staffA);
    expect((await saveAsk(colleagueA, id, goodAsk({ version: '0', outcome: 'The colleague’s better outcome.' }))).ok).toBe(true);
    const stale = await saveAsk(staffA, id, goodAsk({ version: '0', outcome: 'My older outcome.' }));
    expect(stale.ok).toBe(false);
    if (!stale.ok) {
      expect(stale.formError).toMatch(/colleague saved changes/);
      expect(stale.values.outcome).toBe('My older outcome.');
    }
    expect((await db.ask.findUniqueOrThrow({ where: { id } })).outcome).toBe('The colleague’s better outcome.');
  });

  it('publishes asks of an unverified organisation only once it is verified', async () => {
    const result = await saveAsk(staffB, null, goodAsk({ organisationId: pendingOrg, intent: 'submit' }));
    if (!result.ok) throw new Error('submit failed');
    expect((await approveAsk(admin, result.data.id)).ok).toBe(true);
    expect(await db.ask.findUniqueOrThrow({ where: { id: result.data.id } })).toMatchObject({ status: 'OPEN', publishedAt: null });
    expect(await getPublicAsk(result.data.id)).toBeNull();
    await verifyOrganisation(admin, pendingOrg);
    expect((await getPublicAsk(result.data.id))?.id).toBe(result.data.id);
  });

  it('expires open asks past their deadline, and their waiting offers, once', async () => {
    const id = await draftFor(staffA, { intent: 'submit' });
    await approveAsk(admin, id);
    await db.offer.create({ data: { askId: id, volunteerId: volunteer.id, message: 'Happy to help.', medium: 'VIDEO' } });
    const later = new Date(Date.now() + 30 * 86_400_000);
    const [first, second] = await Promise.all([expireOverdueAsks(db, later), expireOverdueAsks(db, later)]);
    expect([...first.expired, ...second.expired].filter((expired) => expired === id)).toHaveLength(1);
    expect(await db.ask.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'EXPIRED' });
    expect((await db.offer.findFirstOrThrow({ where: { askId: id } })).status).toBe('EXPIRED');
    expect((await expireOverdueAsks(db, later)).expired).not.toContain(id);
    expect(await db.auditLog.count({ where: { entityId: id, action: 'ask.expire' } })).toBe(1);
  });
});

describe('two admins deciding at once', () => {
  it('leaves exactly one decision and tells the other admin', async () => {
    for (let run = 0; run < 5; run += 1) {
      const id = await draftFor(staffA, { intent: 'submit' });
      const results = await Promise.all([
        approveAsk(admin, id),
        requestAskChanges(admin2, id, { note: 'Please name the bank you use.' }),
        rejectAsk(admin2, id, { note: 'This is not a question for a volunteer.' }),
      ]);
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      const losers = results.filter((result) => !result.ok);
      for (const loser of losers) if (!loser.ok) expect(loser.formError).toMatch(/already decided/);
      const ask = await db.ask.findUniqueOrThrow({ where: { id } });
      expect(['OPEN', 'CHANGES_REQUESTED', 'REJECTED']).toContain(ask.status);
      const decisions = await db.auditLog.count({
        where: { entityId: id, action: { in: ['ask.approve', 'ask.request_changes', 'ask.reject'] } },
      });
      expect(decisions).toBe(1);
    }
  });
});

describe('splitting a broad ask into stages', () => {
  it('makes a project of draft stages in order and withdraws the broad ask', async () => {
    const id = await draftFor(staffA, {
      title: 'Help us write our funding application to the council',
      question: 'We need to write a funding application.',
    });
    const tooFew = await splitAskIntoStages(staffA, id, {
      projectTitle: 'Our council bid',
      'stage-1-title': 'Should we apply for this grant at all?',
      'stage-1-question': 'Is our track record enough for this council grant, or should we wait a year?',
      'stage-1-skill-1': skills[0],
    });
    expect(tooFew.ok).toBe(false);
    if (!tooFew.ok) expect(tooFew.fieldErrors.stages).toBeDefined();

    const stageInput = {
      projectTitle: 'Our council bid',
      'stage-1-title': 'Should we apply for this grant at all?',
      'stage-1-question': 'Is our track record enough for this council grant, or should we wait a year?',
      'stage-1-duration': '30',
      'stage-1-skill-1': skills[0],
      'stage-2-title': 'How should we answer section 3 on outcomes?',
      'stage-2-question': 'Our draft lists activities. How do we turn it into outcomes we can evidence, in 300 words?',
      'stage-2-duration': '45',
      'stage-2-skill-1': skills[1],
      'stage-2-skill-2': skills[0],
      'stage-3-title': 'Does our finished bid read compellingly?',
      'stage-3-question': 'Would an assessor want to read on after our first paragraph? What would you cut?',
      'stage-3-duration': '20',
      'stage-3-skill-1': skills[1],
    };
    const split = await splitAskIntoStages(staffA, id, stageInput);
    expect(split.ok).toBe(true);
    if (!split.ok) return;
    const stages = await db.ask.findMany({
      where: { projectId: split.data.projectId, stage: { not: null } },
      orderBy: { stage: 'asc' },
      include: { skills: true },
    });
    expect(stages.map((stage) => [stage.stage, stage.status, stage.durationMinutes, stage.skills.length])).toEqual([
      [1, 'DRAFT', 30, 1],
      [2, 'DRAFT', 45, 2],
      [3, 'DRAFT', 20, 1],
    ]);
    expect(await db.ask.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'WITHDRAWN', projectId: split.data.projectId });
    expect((await splitAskIntoStages(staffA, id, stageInput)).ok).toBe(false); // not twice

    // Once a stage is approved the project page lists it, and only it.
    await saveAsk(staffA, stages[1]!.id, goodAsk({ version: '0', title: stages[1]!.title, intent: 'submit' }));
    await approveAsk(admin, stages[1]!.id);
    const project = await getPublicProject(split.data.projectId);
    expect(project?.asks.map((ask) => ask.id)).toEqual([stages[1]!.id]);
    expect((await getPublicAsk(stages[1]!.id))?.project?.id).toBe(split.data.projectId);
  });
});
