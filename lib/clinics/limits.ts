// What the clinic forms and their zod schemas (schema.ts) share. No zod here: client components import this,
// and a constant imported from schema.ts brings all of zod into the browser's JavaScript.

/** A clinic lasts one of these (the migration's Clinic_length check agrees). */
export const CLINIC_DURATIONS = [30, 45, 60] as const;
export const DEFAULT_CLINIC_DURATION = 60;
/** How many charities one clinic takes (the migration's Clinic_seats_range check agrees). */
export const MIN_CLINIC_SEATS = 2;
export const MAX_CLINIC_SEATS = 8;
export const DEFAULT_CLINIC_SEATS = 5;
/** The ways a clinic meets: several charities at once need a video call or a room. */
export const CLINIC_MEDIA = ['VIDEO', 'IN_PERSON'] as const;
export const MAX_CLINIC_SKILLS = 5;
/** An offered seat is held this long for the charity to confirm, and never past the start. */
export const SEAT_OFFER_HOURS = 24;

/** The most characters each text field takes: the schema refuses more, the form counts down to it. */
export const CLINIC_TEXT_LIMITS = {
  topic: 120,
  description: 2000,
  bring: 1000,
  joinDetails: 500,
  question: 1000,
} as const;
