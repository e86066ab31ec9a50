// Zod schemas for what people send after a session: the charity's feedback, the volunteer's, and the
// charity's answer to the two-week practice check. Fields arrive as form strings.
import { z } from 'zod';
import { optionalText } from '@/lib/forms';
import { FEEDBACK_TEXT_MAX, PRACTICE_RESPONSE_MAX } from './limits';
import { PracticeOutcome } from '@/lib/generated/prisma/enums';

/** A 1-5 rating from a radio group; `required` decides whether leaving it out is an error. */
const rating = (required: boolean) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (!value) {
        if (required) ctx.addIssue({ code: 'custom', message: 'Choose a rating from 1 to 5.' });
        return null;
      }
      const number = Number(value);
      if (!Number.isInteger(number) || number < 1 || number > 5) {
        ctx.addIssue({ code: 'custom', message: 'Choose a rating from 1 to 5.' });
        return z.NEVER;
      }
      return number;
    });

/**
 * The charity's feedback. A rating is required (the database checks it too); "what will you do
 * differently" and the thank-you are optional, though the form asks for at least one of them.
 */
export const charityFeedbackSchema = z.object({
  rating: rating(true),
  changes: optionalText(FEEDBACK_TEXT_MAX, 'Keep this to 2,000 characters or fewer.'),
  thanks: optionalText(FEEDBACK_TEXT_MAX, 'Keep your thank-you to 2,000 characters or fewer.'),
});
export type CharityFeedback = z.output<typeof charityFeedbackSchema>;

/** The volunteer's feedback: was the ask well scoped (required), an optional rating, a private note. */
export const volunteerFeedbackSchema = z.object({
  wellScoped: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === 'yes') return true;
      if (value === 'no') return false;
      ctx.addIssue({ code: 'custom', message: 'Say whether the ask was well scoped.' });
      return z.NEVER;
    }),
  rating: rating(false),
  comment: optionalText(FEEDBACK_TEXT_MAX, 'Keep your note to 2,000 characters or fewer.'),
});
export type VolunteerFeedback = z.output<typeof volunteerFeedbackSchema>;

/** The charity's answer to "did you put it into practice?". */
export const practiceCheckSchema = z.object({
  outcome: z.enum(PracticeOutcome, { error: 'Choose yes, partly or not yet.' }),
  response: optionalText(PRACTICE_RESPONSE_MAX, 'Keep this to one line of 500 characters or fewer.'),
});
export type PracticeCheckAnswer = z.output<typeof practiceCheckSchema>;
