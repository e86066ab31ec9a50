// What volunteers send about themselves.
import { z } from 'zod';
import { DAY_MS } from '@/lib/dates';
import { checkboxField, whenFieldsValid } from '@/lib/forms';
import { Medium, Region, SkillLevel } from '@/lib/generated/prisma/enums';
import { isTimeZone } from '@/lib/time-zones';

export const MAX_SKILLS = 12;
const asArray = (value: unknown) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]);

/** Skill levels arrive as one select per skill, named "skill:<skill id>"; an empty value means "not offered". */
export function skillLevelsFrom(values: Record<string, unknown>): Array<{ skillId: string; level: string }> {
  return Object.entries(values)
    .filter(([key, value]) => key.startsWith('skill:') && typeof value === 'string' && value !== '')
    .map(([key, value]) => ({ skillId: key.slice('skill:'.length), level: value as string }));
}

export const volunteerProfileSchema = z
  .object({
    headline: z
      .string()
      .trim()
      .min(5, 'Write a short headline, like “Bid writer, 10 years in the sector”.')
      .max(120, 'Keep the headline to 120 characters or fewer.'),
    bio: z
      .string()
      .trim()
      .min(20, 'Tell charities a little about your experience (20 characters or more).')
      .max(1000, 'Keep this to 1,000 characters or fewer.'),
    skills: z
      .array(z.object({ skillId: z.string().min(1).max(60), level: z.enum(SkillLevel, { error: 'Choose a level from the list.' }) }))
      .min(1, 'Choose at least one skill you can help with.')
      .max(MAX_SKILLS, `Choose up to ${MAX_SKILLS} skills: the ones you are strongest in.`),
    media: z.preprocess(
      asArray,
      z.array(z.enum(Medium, { error: 'Choose from the list.' })).min(1, 'Choose at least one way you can meet.'),
    ),
    region: z
      .union([z.literal(''), z.enum(Region)], { error: 'Choose a region from the list.' })
      .optional()
      .transform((value) => (value ? value : null)),
    timeZone: z.string().refine(isTimeZone, 'Choose a time zone from the list.'),
    monthlyCapacity: z.coerce
      .number({ error: 'Enter a number of sessions.' })
      .int('Enter a whole number.')
      .min(1, 'At least one session a month.')
      .max(10, 'Ten sessions a month at most: we would rather you did not burn out.'),
    isPublic: checkboxField,
  })
  .refine((value) => !value.media.includes('IN_PERSON') || value.region !== null, {
    message: 'Choose a region so charities know where you could meet in person.',
    path: ['region'],
    ...whenFieldsValid('media', 'region'),
  });

export const pauseSchema = z.object({
  pausedUntil: z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (!value) return null;
      const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(Number.NaN);
      if (Number.isNaN(date.getTime())) {
        ctx.addIssue({ code: 'custom', message: 'Enter a date like 2027-01-31, or leave it blank.' });
        return z.NEVER;
      }
      const now = Date.now();
      if (date.getTime() <= now) {
        ctx.addIssue({ code: 'custom', message: 'Choose a date in the future, or leave it blank.' });
        return z.NEVER;
      }
      if (date.getTime() > now + 366 * DAY_MS) {
        ctx.addIssue({ code: 'custom', message: 'Choose a date within the next year.' });
        return z.NEVER;
      }
      return date;
    }),
});
