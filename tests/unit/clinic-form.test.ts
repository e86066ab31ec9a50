// The clinic form (lib/clinics/schema.ts): its date and time read in the volunteer's zone and stored in UTC,
// across the clocks changing, and every problem reported at once beside its field.
import { describe, expect, it } from 'vitest';
import { parseClinicForm } from '@/lib/clinics/schema';

const NOW = new Date('2027-03-20T12:00:00Z');
const form = (overrides: Record<string, string | string[]> = {}) => ({
  topic: 'Gift Aid basics for small charities',
  description: 'What Gift Aid is, who can claim it, and how to make a first claim without fear.',
  bring: 'One question about your own Gift Aid claims.',
  skills: ['gift-aid'],
  date: '2027-03-30',
  time: '14:00',
  durationMinutes: '45',
  medium: 'VIDEO',
  joinDetails: 'https://meet.example/gift-aid',
  seats: '5',
  ...overrides,
});

describe('the clinic form', () => {
  it('reads the time in the volunteer’s zone and stores the start and end in UTC, after the clocks go forward', () => {
    const parsed = parseClinicForm(form(), { now: NOW, timeZone: 'Europe/London' });
    // 30 March 2027 is British Summer Time: 14:00 in London is 13:00 UTC.
    expect(parsed).toMatchObject({
      ok: true,
      data: { startsAt: new Date('2027-03-30T13:00:00Z'), endsAt: new Date('2027-03-30T13:45:00Z'), seats: 5 },
    });
    const newYork = parseClinicForm(form(), { now: NOW, timeZone: 'America/New_York' });
    expect(newYork).toMatchObject({ ok: true, data: { startsAt: new Date('2027-03-30T18:00:00Z') } });
  });

  it('refuses a time the clocks skip rather than moving it', () => {
    const parsed = parseClinicForm(form({ date: '2027-03-28', time: '01:30' }), { now: NOW, timeZone: 'Europe/London' });
    expect(parsed).toMatchObject({ ok: false, fieldErrors: { time: [expect.stringMatching(/clocks go forward/)] } });
  });

  it('reports every problem at once, in the form’s order', () => {
    const parsed = parseClinicForm(
      form({ topic: 'Tax', skills: [], durationMinutes: '20', medium: 'PHONE', seats: '9', joinDetails: '' }),
      { now: NOW, timeZone: 'Europe/London' },
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(Object.keys(parsed.fieldErrors)).toEqual(['topic', 'skills', 'durationMinutes', 'medium', 'joinDetails', 'seats']);
    expect(parsed.fieldErrors.seats).toEqual(['Choose at most 8 seats, so every charity’s question gets time.']);
  });

  it('wants the start at least two hours ahead and within 60 days', () => {
    expect(parseClinicForm(form({ date: '2027-03-20', time: '13:30' }), { now: NOW, timeZone: 'UTC' })).toMatchObject({
      ok: false,
      fieldErrors: { date: ['Choose a date and time at least two hours from now.'] },
    });
    expect(parseClinicForm(form({ date: '2027-06-01' }), { now: NOW, timeZone: 'UTC' })).toMatchObject({
      ok: false,
      fieldErrors: { date: ['Choose a date within the next 60 days.'] },
    });
    expect(parseClinicForm(form({ date: '2027-02-30' }), { now: NOW, timeZone: 'UTC' })).toMatchObject({
      ok: false,
      fieldErrors: { date: ['Enter a real date, like 2027-01-14.'] },
    });
  });
});
