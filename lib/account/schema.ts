// What people send about their own account.
import { z } from 'zod';
import { checkboxField, whenFieldsValid } from '@/lib/forms';

export const nameField = z
  .string()
  .trim()
  .min(1, 'Enter your name.')
  .max(80, 'Keep your name to 80 characters or fewer.')
  .refine((value) => !/[<>\u0000-\u001f]/.test(value), 'Use letters, spaces and punctuation only.');

export const onboardingSchema = z
  .object({
    name: nameField,
    charity: checkboxField,
    volunteer: checkboxField,
    next: z.string().max(2000).optional(),
  })
  .refine((value) => value.charity || value.volunteer, {
    message: 'Choose at least one: you work for a charity, you want to volunteer, or both.',
    path: ['roles'],
    ...whenFieldsValid('charity', 'volunteer'),
  });

export const accountSchema = z.object({
  name: nameField,
  emailOnOffers: checkboxField,
  emailReminders: checkboxField,
  emailDigest: checkboxField,
});

export const deleteAccountSchema = z.object({
  confirm: z
    .string()
    .trim()
    .refine((value) => value.toLowerCase() === 'delete my account', 'Type “delete my account” to confirm.'),
});
