// Zod schemas for what people send about clinics: the volunteer's clinic form (its date and time typed in
// their own zone, stored in UTC) and a charity's one question when it books a seat or joins the waiting list.
import { z } from 'zod';
import { parseFields, inFieldOrder, optionalText, type FieldErrors, type FormValues } from '@/lib/forms';
import { isRealDate, clockInZone, MAX_AHEAD_DAYS, MIN_LEAD_MS } from '@/lib/offers/times';
import { DAY_MS, timeZoneLabel } from '@/lib/dates';
import { zonedTimeToUtc } from '@/lib/time-zones';
import {
  CLINIC_DURATIONS,
  CLINIC_MEDIA,
  CLINIC_TEXT_LIMITS as LIMIT,
  MAX_CLINIC_SEATS,
  MAX_CLINIC_SKILLS,
  MIN_CLINIC_SEATS,
} from './limits';

const asArray = (value: unknown) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]);

const clinicFieldsSchema = z.object({
  topic: z
    .string({ error: 'Give your clinic a topic.' })
    .trim()
    .min(10, 'Give your clinic a topic of at least 10 characters, like “Gift Aid basics for small charities”.')
    .max(LIMIT.topic, 'Keep the topic to 120 characters or fewer.'),
  description: z
    .string({ error: 'Say what the clinic will cover.' })
    .trim()
    .min(20, 'Say what the clinic will cover (20 characters or more).')
    .max(LIMIT.description, 'Keep the description to 2,000 characters or fewer.'),
  bring: z
    .string({ error: 'Say what each charity should bring.' })
    .trim()
    .min(10, 'Say what each charity should bring: the one question they will write when booking (10 characters or more).')
    .max(LIMIT.bring, 'Keep this to 1,000 characters or fewer.'),
  skills: z.preprocess(
    asArray,
    z
      .array(z.string().regex(/^[a-z0-9-]{1,60}$/, 'Choose skills from the list.'))
      .min(1, 'Choose at least one skill the clinic is about.')
      .max(MAX_CLINIC_SKILLS, `Choose up to ${MAX_CLINIC_SKILLS} skills.`),
  ),
  date: z.string({ error: 'Enter the date of the clinic.' }).trim().refine(isRealDate, 'Enter a real date, like 2027-01-14.'),
  time: z
    .string({ error: 'Enter the time the clinic starts.' })
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time on the 24-hour clock, like 14:30.'),
  durationMinutes: z.coerce
    .number({ error: 'Choose how long the clinic lasts.' })
    .refine((value) => (CLINIC_DURATIONS as readonly number[]).includes(value), 'Choose 30, 45 or 60 minutes.'),
  medium: z.enum(CLINIC_MEDIA, { error: 'Choose video or in person.' }),
  joinDetails: z
    .string({ error: 'Give the video link or the place.' })
    .trim()
    .min(5, 'Give the video link, or the place you will meet: booked charities see it.')
    .max(LIMIT.joinDetails, 'Keep this to 500 characters or fewer.'),
  seats: z.coerce
    .number({ error: `Choose how many charities can book, from ${MIN_CLINIC_SEATS} to ${MAX_CLINIC_SEATS}.` })
    .int(`Choose a whole number of seats, from ${MIN_CLINIC_SEATS} to ${MAX_CLINIC_SEATS}.`)
    .min(MIN_CLINIC_SEATS, `Choose at least ${MIN_CLINIC_SEATS} seats: a clinic is for several charities.`)
    .max(MAX_CLINIC_SEATS, `Choose at most ${MAX_CLINIC_SEATS} seats, so every charity’s question gets time.`),
});

type ClinicFieldValues = z.output<typeof clinicFieldsSchema>;

/** A clinic as the volunteer described it, its start and end in UTC. */
export type ClinicFields = Omit<ClinicFieldValues, 'date' | 'time'> & { startsAt: Date; endsAt: Date };

/** The clinic form's fields from top to bottom: the error summary lists their problems in this order. */
export const CLINIC_FORM_ORDER = Object.keys(clinicFieldsSchema.shape);

/**
 * Reads the clinic form. The date and time are read in `timeZone` (the volunteer's): a time the clocks skip
 * is refused rather than quietly moved, and the start must be at least two hours and at most 60 days away.
 * Every field is checked in one go, so one mistake never hides another.
 */
export function parseClinicForm(
  values: FormValues,
  { now, timeZone }: { now: Date; timeZone: string },
): { ok: true; data: ClinicFields } | { ok: false; fieldErrors: FieldErrors } {
  const { fields, fieldErrors } = parseFields(clinicFieldsSchema, values);
  let startsAt: Date | null = null;
  if (fields.date !== undefined && fields.time !== undefined) {
    startsAt = zonedTimeToUtc(fields.date, fields.time, timeZone);
    const readBack = clockInZone(startsAt, timeZone);
    if (readBack.date !== fields.date || readBack.time !== fields.time) {
      fieldErrors.time = [
        `The clocks go forward then in ${timeZoneLabel(timeZone)}, so ${fields.time} does not happen on that day. Choose another time.`,
      ];
    } else if (startsAt.getTime() < now.getTime() + MIN_LEAD_MS) {
      fieldErrors.date = ['Choose a date and time at least two hours from now.'];
    } else if (startsAt.getTime() > now.getTime() + MAX_AHEAD_DAYS * DAY_MS) {
      fieldErrors.date = [`Choose a date within the next ${MAX_AHEAD_DAYS} days.`];
    }
  }
  if (Object.keys(fieldErrors).length > 0 || !startsAt) return { ok: false, fieldErrors: inFieldOrder(fieldErrors, CLINIC_FORM_ORDER) };
  const { date: _date, time: _time, ...rest } = fields as ClinicFieldValues;
  return { ok: true, data: { ...rest, startsAt, endsAt: new Date(startsAt.getTime() + rest.durationMinutes * 60_000) } };
}

/** A charity's one question, written when it books a seat or joins the waiting list. */
export const seatSchema = z.object({
  question: z
    .string({ error: 'Write the one question you would like answered.' })
    .trim()
    .min(10, 'Write the one question you would like answered (10 characters or more), so the volunteer can prepare.')
    .max(LIMIT.question, 'Keep your question to 1,000 characters or fewer.'),
  organisationId: optionalText(100, 'Choose one of your organisations.'),
});

/** An admin's note when sending a clinic back or rejecting it: the volunteer reads it. */
export const clinicNoteSchema = (minimum: string) =>
  z.object({ note: z.string({ error: minimum }).trim().min(10, minimum).max(1000, 'Keep this to 1,000 characters or fewer.') });
