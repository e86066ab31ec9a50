// A new charity's checklist as the dashboard and the organisation's page read it: each step turns done
// as the organisation gets there, through the statuses the rest of the app writes.
import { describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import { finishedFirstSteps, firstSteps, organisationProgress } from '@/lib/orgs/first-steps';
import { createAsk, createOffer, createOrganisation, createUser, createVolunteer } from '../support/factories';

const actor = (user: { id: string }): Actor => ({ id: user.id, role: 'USER', status: 'ACTIVE' });

async function newCharity() {
  const owner = await createUser(db, { name: 'Nadia Hussain' });
  const organisation = await createOrganisation(db, { name: 'Chapeltown Fridge', status: 'PENDING_VERIFICATION' });
  await db.membership.create({ data: { userId: owner.id, organisationId: organisation.id, role: 'OWNER' } });
  return { owner, organisation };
}

const stepState = async (owner: { id: string }, organisationId?: string) => {
  const [progress] = await organisationProgress(actor(owner), organisationId);
  return firstSteps(progress!).map((step) => [step.key, step.done, step.detail ?? null, step.action?.href ?? null]);
};

describe('a new charity’s first steps', () => {
  it('follow the organisation from added to its first answered offer, then the checklist is finished', async () => {
    const { owner, organisation } = await newCharity();
    expect(await stepState(owner)).toEqual([
      ['added', true, null, null],
      ['verified', false, expect.stringContaining('usually within a working day'), null],
      ['written', false, expect.any(String), `/my-asks/new?organisation=${organisation.id}`],
      ['published', false, null, null],
      ['answered', false, null, null],
    ]);

    const ask = await createAsk(db, organisation.id, { status: 'DRAFT', publishedAt: null, createdById: owner.id });
    expect((await stepState(owner))[2]).toEqual(['written', true, null, null]);
    expect((await stepState(owner))[3]).toEqual([
      'published',
      false,
      expect.stringContaining('Not sent for review'),
      `/my-asks/${ask.id}/edit`,
    ]);

    await db.ask.update({ where: { id: ask.id }, data: { status: 'CHANGES_REQUESTED' } });
    expect((await stepState(owner))[3]).toEqual([
      'published',
      false,
      expect.stringContaining('asked for a few changes'),
      `/my-asks/${ask.id}/edit`,
    ]);

    await db.ask.update({ where: { id: ask.id }, data: { status: 'PENDING_REVIEW' } });
    expect((await stepState(owner))[3]).toEqual(['published', false, expect.stringContaining('Sent for review'), null]);

    // Approved while the organisation waits: not published yet, and the checklist says why.
    await db.ask.update({ where: { id: ask.id }, data: { status: 'OPEN' } });
    expect((await stepState(owner))[3]).toEqual([
      'published',
      false,
      expect.stringContaining('as soon as your organisation is verified'),
      null,
    ]);

    await db.organisation.update({ where: { id: organisation.id }, data: { status: 'VERIFIED' } });
    await db.ask.update({ where: { id: ask.id }, data: { publishedAt: new Date() } });
    expect((await stepState(owner)).slice(1, 4).map(([key, done]) => [key, done])).toEqual([
      ['verified', true],
      ['written', true],
      ['published', true],
    ]);
    expect((await stepState(owner))[4]).toEqual(['answered', false, expect.stringContaining('We will email you'), null]);

    const volunteer = await createVolunteer(db);
    const offer = await createOffer(db, ask.id, volunteer.id);
    expect((await stepState(owner))[4]).toEqual([
      'answered',
      false,
      expect.stringContaining('offered to help'),
      `/my-asks/${ask.id}/offers`,
    ]);

    // Closed for them with the ask is not an answer; declining it themselves is.
    await db.offer.update({ where: { id: offer.id }, data: { status: 'DECLINED', declineReason: 'ASK_CLOSED' } });
    expect((await stepState(owner))[4]).toEqual(['answered', false, expect.stringContaining('We will email you'), null]);
    await db.offer.update({ where: { id: offer.id }, data: { status: 'DECLINED', declineReason: 'TIMES_DO_NOT_WORK' } });
    const [progress] = await organisationProgress(actor(owner));
    expect(finishedFirstSteps(firstSteps(progress!))).toBe(true);
  });

  it('are only ever the actor’s own organisations, and not those rejected or suspended', async () => {
    const { owner, organisation } = await newCharity();
    const stranger = await createUser(db);
    expect(await organisationProgress(actor(stranger), organisation.id)).toEqual([]);
    expect(await organisationProgress(actor(stranger))).toEqual([]);

    await db.organisation.update({ where: { id: organisation.id }, data: { status: 'REJECTED' } });
    expect(await organisationProgress(actor(owner))).toEqual([]);
  });
});
