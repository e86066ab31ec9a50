// Zod schemas for what people send about offers: the offer itself (its times are read by times.ts),
// choosing one of its times, and declining it.
import { z } from 'zod';
import { optionalText } from '@/lib/forms';
import { STAFF_DECLINE_REASONS } from './limits';
import { Medium } from '@/lib/generated/prisma/enums';

export const offerSchema = z.object({
  message: z
    .string({ error: 'Write a short message to the charity.' })
    .trim()
    .min(20, 'Write a short message (at least 20 characters): what you would bring to this question.')
    .max(1000, 'Keep your message to 1,000 characters or fewer.'),
  medium: z.enum(Medium, { error: 'Choose how you would like to meet.' }),
  joinDetails: optionalText(300, 'Keep this to 300 characters or fewer.'),
});

export type OfferFields = z.infer<typeof offerSchema>;

export const acceptSchema = z.object({
  timeId: z.string({ error: 'Choose one of the proposed times.' }).trim().min(1, 'Choose one of the proposed times.'),
  joinDetails: optionalText(500, 'Keep this to 500 characters or fewer.'),
});

export const declineSchema = z.object({
  reason: z.enum(STAFF_DECLINE_REASONS, { error: 'Choose a reason.' }),
  note: optionalText(1000, 'Keep your note to 1,000 characters or fewer.'),
});
