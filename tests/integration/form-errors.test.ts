// Forms whose checks reach the database report every problem after one attempt: a check that needs the
// calendar or the stored ask runs even when another field is wrong, so nothing waits for the next try.
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { proposeMove } from '@/lib/meetings/moves';
import { dateInZone } from '@/lib/time-zones';
import { createOffer, createVolunteer } from '../support/factories';
import { createAskBy, createBookedMeeting, createCharity } from '../support/meeting-factories';

const DAY = 86_400_000;

describe('proposing a new time for a meeting', () => {
  it('reports a note that is too long and a time outside the charity’s hours together', async () => {
    const charity = await createCharity(db, { owner: { name: 'Jo Owner' } });
    const ask = await createAskBy(db, charity.organisation.id, charity.owner.id, { status: 'MATCHED' });
    const volunteer = await createVolunteer(db, {
      volunteerProfile: { create: { headline: 'Ops', bio: 'Rotas.', media: ['VIDEO'], timeZone: 'Europe/London' } },
    });
    const offer = await createOffer(db, ask.id, volunteer.id, { status: 'ACCEPTED' });
    const meeting = await createBookedMeeting(db, ask, volunteer.id, new Date(Date.now() + 3 * DAY), new Date(Date.now() - DAY), {
      offerId: offer.id,
      bookedById: charity.owner.id,
    });

    // 03:00 is outside the hours an ask without windows meets in (08:00-20:00 UK time).
    const night = { date: dateInZone(new Date(Date.now() + 4 * DAY), 'Europe/London'), time: '03:00', note: 'x'.repeat(501) };
    const result = await proposeMove(charity.owner, meeting.id, night);
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { time: [expect.stringMatching(/usual times/)], note: ['Keep the note to 500 characters or fewer.'] },
      values: night,
    });
    expect(await db.meetingReschedule.count({ where: { meetingId: meeting.id } })).toBe(0);
  });
});
