import { describe, expect, it } from 'vitest';
import { availabilitySchema, parseAvailability, summariseAvailability } from '@/lib/asks/availability';

const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: '09:30', to: '16:00' }));

describe('availability windows', () => {
  it('groups consecutive days with the same hours', () => {
    expect(summariseAvailability(weekdays)).toEqual(['Monday to Friday, 09:30 to 16:00']);
    expect(
      summariseAvailability([
        { weekday: 6, from: '10:00', to: '12:00' },
        { weekday: 1, from: '18:00', to: '20:00' },
        { weekday: 2, from: '18:00', to: '20:00' },
        { weekday: 4, from: '18:00', to: '20:00' },
      ]),
    ).toEqual(['Monday and Tuesday, 18:00 to 20:00', 'Thursday, 18:00 to 20:00', 'Saturday, 10:00 to 12:00']);
  });

  it('keeps two windows on one day apart', () => {
    expect(
      summariseAvailability([
        { weekday: 3, from: '14:00', to: '15:00' },
        { weekday: 3, from: '09:00', to: '10:00' },
      ]),
    ).toEqual(['Wednesday, 09:00 to 10:00', 'Wednesday, 14:00 to 15:00']);
  });

  it('validates times and refuses windows that end before they start', () => {
    expect(availabilitySchema.safeParse(weekdays).success).toBe(true);
    const bad = availabilitySchema.safeParse([{ weekday: 1, from: '16:00', to: '09:00' }]);
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual([0, 'to']);
    expect(availabilitySchema.safeParse([{ weekday: 8, from: '09:00', to: '10:00' }]).success).toBe(false);
    expect(availabilitySchema.safeParse([{ weekday: 1, from: '9:00', to: '10:00' }]).success).toBe(false);
  });

  it('reads malformed stored JSON as no windows rather than failing the page', () => {
    expect(parseAvailability('not json')).toEqual([]);
    expect(parseAvailability([{ weekday: 'Monday' }])).toEqual([]);
    expect(parseAvailability(weekdays)).toEqual(weekdays);
  });
});
