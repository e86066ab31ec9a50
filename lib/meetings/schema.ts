// Zod schemas for what people send about a booked meeting: a new time (proposing a move, booking a
// catch-up), the answer to a proposed move, withdrawing one, and cancelling with a reason.
import { z } from 'zod';

const date = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date, for example 2026-12-14.');
const time = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time, for example 14:30.');
const note = z
  .string()
  .trim()
  .max(500, 'Keep the note to 500 characters or fewer.')
  .optional()
  .transform((value) => value || null);

/** A date and time, on their own: a move's note being too long must not hide a problem with its time. */
export const newTimeSchema = z.object({ date, time });
export const proposeMoveSchema = newTimeSchema.extend({ note });
export const answerMoveSchema = z.object({
  moveId: z.string().min(1, 'Choose the proposal to answer.'),
  answer: z.enum(['accept', 'decline'], { error: 'Choose whether to accept or decline the new time.' }),
});
export const withdrawMoveSchema = z.object({ moveId: z.string().min(1, 'Choose the proposal to withdraw.') });
export const cancelSchema = z.object({
  reason: z
    .string()
    .trim()
    .min(1, 'Say why you are cancelling: the other side will see it.')
    .max(500, 'Keep the reason to 500 characters or fewer.'),
});
export const bookAgainSchema = newTimeSchema;
