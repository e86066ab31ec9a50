// Proposed times: typed in the volunteer's zone, checked in the charity's, stored in UTC, across the
// days the clocks change in London (29 March and 25 October 2026) and in New York (8 March, 1 November).
import { describe, expect, it } from 'vitest';
import type { AvailabilityWindow } from '@/lib/asks/availability';
import { describeWindowsForVolunteer, parseProposedTimes, type TimeRules } from '@/lib/offers/times';

const LONDON = 'Europe/London';
const NEW_YORK = 'America/New_York';
const everyDay = (from: string, to: string): AvailabilityWindow[] => [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, from, to }));

function rules(overrides: Partial<TimeRules> = {}): TimeRules {
  return {
    now: new Date('2026-03-20T12:00:00Z'),
    volunteerZone: LONDON,
    askZone: LONDON,
    windows: everyDay('00:00', '23:59'),
    durationMinutes: 30,
    ...overrides,
  };
}

function form(...slots: Array<[string, string]>) {
  const values: Record<string, string> = {};
  slots.forEach(([date, time], index) => {
    values[`time${index + 1}Date`] = date;
    values[`time${index + 1}Time`] = time;
  });
  return values;
}

function times(values: Record<string, string>, overrides: Partial<TimeRules> = {}) {
  const result = parseProposedTimes(values, rules(overrides));
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return result.times.map((time) => [time.startsAt.toISOString(), time.endsAt.toISOString()]);
}

function errors(values: Record<string, string>, overrides: Partial<TimeRules> = {}) {
  const result = parseProposedTimes(values, rules(overrides));
  if (result.ok) throw new Error('expected errors');
  return result.fieldErrors;
}

describe('proposed times in London across the clock changes', () => {
  it('stores UK times in UTC either side of 29 March 2026', () => {
    expect(times(form(['2026-03-28', '09:00'], ['2026-03-29', '09:00'], ['2026-03-29', '00:30']))).toEqual([
      ['2026-03-28T09:00:00.000Z', '2026-03-28T09:30:00.000Z'],
      ['2026-03-29T08:00:00.000Z', '2026-03-29T08:30:00.000Z'],
      ['2026-03-29T00:30:00.000Z', '2026-03-29T01:00:00.000Z'],
    ]);
  });

  it('refuses 01:30 on 29 March, which does not happen in London', () => {
    const found = errors(form(['2026-03-29', '01:30'], ['2026-03-29', '09:00']));
    expect(found.time1?.[0]).toMatch(/clocks go forward/);
    expect(found.time2).toBeUndefined();
  });

  it('reads 01:30 on 25 October 2026 as the first of the two, and 09:00 as GMT', () => {
    const now = new Date('2026-10-01T12:00:00Z');
    expect(times(form(['2026-10-25', '01:30'], ['2026-10-25', '09:00'], ['2026-10-24', '09:00']), { now })).toEqual([
      ['2026-10-25T00:30:00.000Z', '2026-10-25T01:00:00.000Z'],
      ['2026-10-25T09:00:00.000Z', '2026-10-25T09:30:00.000Z'],
      ['2026-10-24T08:00:00.000Z', '2026-10-24T08:30:00.000Z'],
    ]);
  });

  it('checks windows in the ask zone on the day the clocks change', () => {
    // Sunday 29 March, 09:00-10:00 UK time: 08:00-09:00 UTC.
    const windows = [{ weekday: 7, from: '09:00', to: '10:00' }];
    const now = new Date('2026-03-20T12:00:00Z');
    expect(times(form(['2026-03-29', '09:00'], ['2026-03-29', '09:30']), { windows, now })).toHaveLength(2);
    // A UTC volunteer typing 09:00 means 10:00 UK time: outside.
    const found = errors(form(['2026-03-29', '09:00'], ['2026-03-29', '08:00']), { windows, now, volunteerZone: 'UTC' });
    expect(found.time1?.[0]).toMatch(/outside the times/);
    expect(found.time2).toBeUndefined();
  });
});

describe('a volunteer in New York and a charity in London', () => {
  // The charity meets on Mondays 09:00-12:00 UK time.
  const windows = [{ weekday: 1, from: '09:00', to: '12:00' }];
  const ny = { volunteerZone: NEW_YORK, windows, now: new Date('2026-02-20T12:00:00Z') };

  it('uses a five-hour gap before 8 March, four hours between 8 and 29 March, five again after', () => {
    // Monday 2 March: both on winter time. 04:30 New York = 09:30 UK.
    // Monday 16 March: New York on summer time, London not yet. 05:00 New York = 09:00 UK.
    expect(times(form(['2026-03-02', '04:30'], ['2026-03-16', '05:00']), ny)).toEqual([
      ['2026-03-02T09:30:00.000Z', '2026-03-02T10:00:00.000Z'],
      ['2026-03-16T09:00:00.000Z', '2026-03-16T09:30:00.000Z'],
    ]);
    // 04:30 New York on 16 March is 08:30 UK: before the window opens.
    expect(errors(form(['2026-03-02', '04:30'], ['2026-03-16', '04:30']), ny).time2?.[0]).toMatch(/outside the times/);
    // Monday 6 April: both on summer time, five hours apart again. 04:00 New York = 09:00 UK.
    expect(times(form(['2026-04-06', '04:00'], ['2026-04-06', '06:30']), { ...ny, now: new Date('2026-03-20T12:00:00Z') })).toEqual([
      ['2026-04-06T08:00:00.000Z', '2026-04-06T08:30:00.000Z'],
      ['2026-04-06T10:30:00.000Z', '2026-04-06T11:00:00.000Z'],
    ]);
  });

  it('refuses 02:30 on 8 March, which does not happen in New York', () => {
    const found = errors(form(['2026-03-08', '02:30'], ['2026-03-16', '05:00']), ny);
    expect(found.time1?.[0]).toMatch(/clocks go forward.*New York/);
  });

  it('uses the four-hour gap between 25 October and 1 November', () => {
    // Monday 26 October: London back on GMT, New York still on summer time. 05:00 New York = 09:00 UK.
    expect(times(form(['2026-10-26', '05:00'], ['2026-11-02', '04:00']), { ...ny, now: new Date('2026-10-01T12:00:00Z') })).toEqual([
      ['2026-10-26T09:00:00.000Z', '2026-10-26T09:30:00.000Z'],
      ['2026-11-02T09:00:00.000Z', '2026-11-02T09:30:00.000Z'],
    ]);
  });

  it('describes the windows in the volunteer zone for the coming week', () => {
    expect(describeWindowsForVolunteer(windows, LONDON, NEW_YORK, new Date('2026-03-10T12:00:00Z')).windows).toEqual([
      { ask: 'Monday, 09:00 to 12:00', volunteer: 'Monday, 05:00 to 08:00' },
    ]);
    expect(describeWindowsForVolunteer(windows, LONDON, NEW_YORK, new Date('2026-04-01T12:00:00Z')).windows).toEqual([
      { ask: 'Monday, 09:00 to 12:00', volunteer: 'Monday, 04:00 to 07:00' },
    ]);
    const sydney = describeWindowsForVolunteer(
      [{ weekday: 1, from: '18:00', to: '20:00' }],
      LONDON,
      'Australia/Sydney',
      new Date('2026-12-01T12:00:00Z'),
    );
    expect(sydney.windows[0]!.volunteer).toBe('Tuesday, 05:00 to 07:00');
    expect(sydney.volunteerZoneName).toBe('Australia/Sydney');
    expect(describeWindowsForVolunteer([], LONDON, LONDON, new Date('2026-12-01T12:00:00Z'))).toMatchObject({
      sameZone: true,
      askZoneName: 'UK time',
    });
    expect(describeWindowsForVolunteer([], LONDON, LONDON, new Date('2026-12-01T12:00:00Z')).windows).toHaveLength(7);
  });
});

describe('the rules every proposed time follows', () => {
  it('needs at least two times, and skips wholly blank slots', () => {
    expect(errors(form(['2026-03-25', '10:00'])).times?.[0]).toMatch(/at least two/);
    expect(times(form(['2026-03-25', '10:00'], ['', ''], ['2026-03-26', '10:00']))).toHaveLength(2);
    expect(errors(form(['2026-03-25', '10:00'], ['2026-03-26', ''])).time2?.[0]).toMatch(/both a date and a time/);
  });

  it('rejects malformed dates and times', () => {
    const found = errors(form(['2026-02-30', '10:00'], ['2026-03-26', '25:00'], ['26/03/2026', '10:00']));
    expect(found.time1?.[0]).toMatch(/real date/);
    expect(found.time2?.[0]).toMatch(/24-hour/);
    expect(found.time3?.[0]).toMatch(/real date/);
  });

  it('starts at least two hours ahead and within 60 days', () => {
    // now is 12:00 UTC = 12:00 UK on 20 March.
    expect(errors(form(['2026-03-20', '13:59'], ['2026-03-21', '10:00'])).time1?.[0]).toMatch(/two hours/);
    expect(times(form(['2026-03-20', '14:00'], ['2026-03-21', '10:00']))).toHaveLength(2);
    expect(errors(form(['2026-05-20', '10:00'], ['2026-03-21', '10:00'])).time1?.[0]).toMatch(/60 days/);
  });

  it('fits the whole session inside one window', () => {
    const windows = [{ weekday: 3, from: '09:00', to: '12:00' }];
    // Wednesday 25 March: 11:30 + 30 minutes ends at 12:00 exactly; 11:45 runs over.
    expect(times(form(['2026-03-25', '11:30'], ['2026-03-25', '09:00']), { windows })).toHaveLength(2);
    expect(errors(form(['2026-03-25', '11:45'], ['2026-03-25', '09:00']), { windows }).time1?.[0]).toMatch(/outside/);
    expect(errors(form(['2026-03-26', '10:00'], ['2026-03-25', '09:00']), { windows }).time1?.[0]).toMatch(/outside/);
  });

  it('accepts 08:00-20:00 every day when the ask has no windows', () => {
    expect(times(form(['2026-03-22', '08:00'], ['2026-03-22', '19:30']), { windows: [] })).toHaveLength(2);
    const found = errors(form(['2026-03-22', '07:59'], ['2026-03-22', '19:45']), { windows: [] });
    expect(found.time1?.[0]).toMatch(/outside/);
    expect(found.time2?.[0]).toMatch(/outside/);
  });

  it('refuses overlapping times, and lasts the ask duration', () => {
    expect(errors(form(['2026-03-25', '10:00'], ['2026-03-25', '10:44']), { durationMinutes: 45 }).time2?.[0]).toMatch(
      /overlaps your time 1/,
    );
    expect(times(form(['2026-03-25', '10:00'], ['2026-03-25', '10:45']), { durationMinutes: 45 })).toEqual([
      ['2026-03-25T10:00:00.000Z', '2026-03-25T10:45:00.000Z'],
      ['2026-03-25T10:45:00.000Z', '2026-03-25T11:30:00.000Z'],
    ]);
    expect(errors(form(['2026-03-25', '10:00'], ['2026-03-25', '10:00'])).time2?.[0]).toMatch(/overlaps/);
  });
});
