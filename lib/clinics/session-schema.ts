// Zod schemas for what people send about a clinic's session (lib/clinics/changes.ts and after.ts): the
// volunteer's new time or reason for calling it off, attendance per seat, a charity's feedback, and the
// one-to-one follow-up it books from its seat.
import { z } from 'zod';
import { optionalText } from '@/lib/forms';
import { isRealDate } from '@/lib/offers/times';

const date = z.string({ error: 'Enter a date, like 2027-01-14.' }).trim().refine(isRealDate, 'Enter a real date, like 2027-01-14.');
const time = z
  .string({ error: 'Enter a time, like 14:30.' })
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time on the 24-hour clock, like 14:30.');

/** The clinic's new date and time, in the volunteer's zone. */
export const moveClinicSchema = z.object({ date, time });

export const cancelClinicSchema = z.object({
  reason: z
    .string({ error: 'Say why the clinic is cancelled: the charities will read it.' })
    .trim()
    .min(1, 'Say why the clinic is cancelled: the charities will read it.')
    .max(500, 'Keep the reason to 500 characters or fewer.'),
});

export const attendanceSchema = z.object({
  attendance: z.enum(['ATTENDED', 'NO_SHOW'], { error: 'Choose whether this charity came.' }),
});

/** The most characters of what they will change and of their thank-you. */
export const CLINIC_FEEDBACK_LIMIT = 1000;

export const clinicFeedbackSchema = z.object({
  rating: z.coerce
    .number({ error: 'Choose how useful the clinic was, from 1 to 5.' })
    .int('Choose how useful the clinic was, from 1 to 5.')
    .min(1, 'Choose how useful the clinic was, from 1 to 5.')
    .max(5, 'Choose how useful the clinic was, from 1 to 5.'),
  changes: optionalText(CLINIC_FEEDBACK_LIMIT, `Keep this to ${CLINIC_FEEDBACK_LIMIT.toLocaleString('en-GB')} characters or fewer.`),
  thanks: optionalText(
    CLINIC_FEEDBACK_LIMIT,
    `Keep your thank-you to ${CLINIC_FEEDBACK_LIMIT.toLocaleString('en-GB')} characters or fewer.`,
  ),
});

/** A one-to-one catch-up from a seat: which of the organisation's asks it is about, and when (the booker's zone). */
export const clinicFollowUpSchema = z.object({
  askId: z.string({ error: 'Choose the ask the catch-up is about.' }).trim().min(1, 'Choose the ask the catch-up is about.'),
  date,
  time,
});
