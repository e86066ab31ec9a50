// The zod schemas the report and resolution forms are parsed with (lib/reports/labels.ts has their choices).
import { z } from 'zod';
import { DETAILS_MAX, NOTE_MAX, REPORT_REASONS, RESOLUTIONS } from './labels';

export const reportSchema = z.object({
  reason: z.enum(REPORT_REASONS, { error: 'Choose what is wrong.' }),
  details: z
    .string()
    .trim()
    .max(DETAILS_MAX, `Keep the details to ${DETAILS_MAX} characters.`)
    .optional()
    .transform((value) => value || null),
});

export const resolveSchema = z.object({
  resolution: z.enum(RESOLUTIONS, { error: 'Choose what to do.' }),
  note: z
    .string({ error: 'Write a note: it is kept, and sent to the person when you hide or warn.' })
    .trim()
    .min(10, 'Write a note of 10 characters or more: it is kept, and sent to the person when you hide or warn.')
    .max(NOTE_MAX, `Keep the note to ${NOTE_MAX} characters.`),
});

export type ReportInput = z.output<typeof reportSchema>;
export type ResolveInput = z.output<typeof resolveSchema>;
