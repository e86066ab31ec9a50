// Zod schemas for what people send about invitations: staff inviting a suggested volunteer (with a line
// of their own), and the volunteer saying no (with a reason the charity can learn from).
import { z } from 'zod';
import { DECLINE_REASON_MAX, INVITATION_MESSAGE_MAX } from './limits';

export const inviteSchema = z.object({
  volunteerId: z.string({ error: 'Choose a volunteer to invite.' }).trim().min(1, 'Choose a volunteer to invite.'),
  message: z
    .string()
    .trim()
    .max(INVITATION_MESSAGE_MAX, `Keep your line under ${INVITATION_MESSAGE_MAX} characters.`)
    .optional()
    .transform((value) => value || null),
  // The suggestion's score when staff pressed invite; kept only as a record, so a bad value is dropped, not refused.
  score: z
    .unknown()
    .optional()
    .transform((value) => {
      const number = typeof value === 'number' ? value : typeof value === 'string' && value !== '' ? Number(value) : NaN;
      return Number.isFinite(number) && number >= 0 && number <= 1 ? number : null;
    }),
});

export type InviteFields = z.output<typeof inviteSchema>;

export const declineInvitationSchema = z.object({
  reason: z
    .string({ error: 'Tell the charity, in a few words, why not.' })
    .trim()
    .min(1, 'Tell the charity, in a few words, why not.')
    .max(DECLINE_REASON_MAX, `Keep your reason under ${DECLINE_REASON_MAX} characters.`),
});
