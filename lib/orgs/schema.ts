// What people send about organisations.
import { z } from 'zod';
import { whenFieldsValid } from '@/lib/forms';
import { CauseArea, OrganisationType, Region, SizeBand } from '@/lib/generated/prisma/enums';
import { checkRegistrationNumber } from './registration-number';

const asArray = (value: unknown) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]);

const website = z
  .string()
  .trim()
  .max(200, 'Keep the address to 200 characters or fewer.')
  .transform((value, ctx) => {
    if (value === '') return null;
    const withProtocol = /^https?:\/\//i.test(value) ? value : `https://${value}`;
    try {
      const url = new URL(withProtocol);
      if (!url.hostname.includes('.')) throw new Error('no dot');
      return url.toString();
    } catch {
      ctx.addIssue({ code: 'custom', message: 'Enter a web address like www.example.org.uk, or leave it blank.' });
      return z.NEVER;
    }
  });

export const organisationSchema = z
  .object({
    name: z.string().trim().min(2, 'Enter the organisation’s name.').max(120, 'Keep the name to 120 characters or fewer.'),
    type: z.enum(OrganisationType, { error: 'Choose what kind of organisation it is.' }),
    registrationNumber: z.string().max(30, 'Enter the number only: registration numbers are short.').optional(),
    causeAreas: z.preprocess(
      asArray,
      z
        .array(z.enum(CauseArea, { error: 'Choose from the list.' }))
        .min(1, 'Choose at least one cause area.')
        .max(5, 'Choose up to five cause areas.'),
    ),
    region: z.enum(Region, { error: 'Choose where you mainly work.' }),
    sizeBand: z.enum(SizeBand, { error: 'Choose your yearly income.' }),
    website: website.optional().transform((value) => value ?? null),
    description: z
      .string()
      .trim()
      .min(20, 'Tell volunteers what you do in at least a sentence (20 characters or more).')
      .max(600, 'Keep the description to 600 characters or fewer.'),
  })
  // Checked whenever the type and number are readable, so a wrong number shows with every other problem.
  .superRefine(
    (value, ctx) => {
      const checked = checkRegistrationNumber(value.type, value.registrationNumber);
      if (!checked.ok) ctx.addIssue({ code: 'custom', message: checked.message, path: ['registrationNumber'] });
    },
    whenFieldsValid('type', 'registrationNumber'),
  )
  .transform((value) => {
    const checked = checkRegistrationNumber(value.type, value.registrationNumber);
    return { ...value, registrationNumber: checked.ok ? checked.value : null };
  });

export type OrganisationInput = z.output<typeof organisationSchema>;

export const inviteSchema = z.object({
  email: z
    .string()
    .trim()
    .max(254, 'Enter one email address of 254 characters or fewer.')
    .optional()
    .transform((value) => value || undefined),
});

/** The columns the organisation form writes, for the reads that show or compare them (a Prisma select). */
export const ORGANISATION_FORM_COLUMNS = {
  name: true,
  type: true,
  registrationNumber: true,
  causeAreas: true,
  region: true,
  sizeBand: true,
  website: true,
  description: true,
} as const;
