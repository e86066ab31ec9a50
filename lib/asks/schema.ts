// Zod schemas for what users send about asks: the ask form (draft or submit), withdrawal, stages.
import { z } from 'zod';
import { fieldErrorsFrom, inFieldOrder, optionalText, parseFields, single, type FieldErrors, type FormValues } from '@/lib/forms';
import { Medium } from '@/lib/generated/prisma/enums';
import { addDays, dateInZone, isTimeZone, zonedTimeToUtc } from '@/lib/time-zones';
import type { AvailabilityWindow } from './availability';
import {
  ASK_DURATIONS,
  ASK_TEXT_LIMITS as LIMIT,
  DEFAULT_DURATION,
  MAX_ASK_SKILLS,
  MAX_DEADLINE_DAYS,
  MAX_STAGES,
  MIN_STAGES,
  availabilityFrom,
} from './limits';

// ---------------------------------------------------------------- the ask form

/** What the person pressed: run the coach only, keep it as a draft, or send it for review. */
export type AskIntent = 'check' | 'draft' | 'submit';

export function askIntent(values: FormValues): AskIntent {
  const intent = single(values, 'intent');
  return intent === 'check' || intent === 'submit' ? intent : 'draft';
}

const asArray = (value: unknown) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]);

const prepLink = z
  .string()
  .trim()
  .max(500, 'Keep the link to 500 characters or fewer.')
  .optional()
  .transform((value, ctx) => {
    if (!value) return null;
    const withProtocol = /^https?:\/\//i.test(value) ? value : `https://${value}`;
    try {
      const url = new URL(withProtocol);
      if (!url.hostname.includes('.') || !['http:', 'https:'].includes(url.protocol)) throw new Error('not a web address');
      return url.toString();
    } catch {
      ctx.addIssue({ code: 'custom', message: 'Enter a web address like docs.google.com/…, or leave it blank.' });
      return z.NEVER;
    }
  });

const askFieldsSchema = z.object({
  title: z
    .string()
    .trim()
    .min(10, 'Give your ask a title of at least 10 characters, like “Check the opening paragraph of our lottery bid”.')
    .max(LIMIT.title, 'Keep the title to 120 characters or fewer.'),
  question: z.string().trim().max(LIMIT.question, 'Keep the question to 2,000 characters or fewer: one short session, one question.'),
  outcome: z.string().trim().max(LIMIT.outcome, 'Keep this to 1,000 characters or fewer.'),
  context: optionalText(LIMIT.context, 'Keep the prep pack to 3,000 characters or fewer; link to a longer document instead.'),
  prepLink,
  skills: z.preprocess(
    asArray,
    z
      .array(z.string().regex(/^[a-z0-9-]{1,60}$/, 'Choose skills from the list.'))
      .max(MAX_ASK_SKILLS, `Choose up to ${MAX_ASK_SKILLS} skills: the ones this one session needs most.`),
  ),
  durationMinutes: z.coerce
    .number({ error: 'Choose how long the session should be.' })
    .refine((value) => (ASK_DURATIONS as readonly number[]).includes(value), 'Choose 15, 20, 30, 45 or 60 minutes.'),
  media: z.preprocess(asArray, z.array(z.enum(Medium, { error: 'Choose from the list.' }))),
  location: optionalText(LIMIT.location, 'Keep the location to 200 characters or fewer.'),
  timeZone: z.string().refine(isTimeZone, 'Choose a time zone from the list.'),
  deadline: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date like 2027-01-31.'),
});

export type AskFields = Omit<z.output<typeof askFieldsSchema>, 'deadline'> & {
  deadline: Date;
  availability: AvailabilityWindow[];
};

/** The ask form's fields from top to bottom, so its errors are listed in the order a person meets them. */
const ASK_FORM_ORDER = [...Object.keys(askFieldsSchema.shape)].flatMap((key) => (key === 'location' ? [key, 'availability'] : [key]));

/**
 * Reads the ask form. A draft needs only a title and well-formed values; submitting for review also
 * needs the question, the outcome, 1-5 skills, a way to meet (a place for in person), a time window
 * and a deadline between tomorrow and eight weeks away. Every field is checked in one go: a check
 * runs whenever the fields it reads are valid, so one mistake never hides another.
 */
export function parseAskForm(
  values: FormValues,
  intent: AskIntent,
  now = new Date(),
): { ok: true; data: AskFields } | { ok: false; fieldErrors: FieldErrors } {
  const { fields, fieldErrors } = parseFields(askFieldsSchema, values);
  const add = (field: string, message: string) => (fieldErrors[field] ??= []).push(message);
  const { windows, errors: windowErrors } = availabilityFrom(values);
  windowErrors.forEach((message) => add('availability', message));

  let deadline: Date | null = null;
  if (fields.deadline !== undefined && fields.timeZone !== undefined) {
    deadline = zonedTimeToUtc(fields.deadline, '23:59', fields.timeZone);
    const today = dateInZone(now, fields.timeZone);
    if (Number.isNaN(deadline.getTime())) add('deadline', 'Enter a real date like 2027-01-31.');
    else if (fields.deadline <= today) add('deadline', 'Choose a date after today.');
    else if (fields.deadline > addDays(today, MAX_DEADLINE_DAYS))
      add('deadline', 'Choose a date within the next eight weeks: asks are meant to be answered soon.');
  }
  if (intent === 'submit') {
    if (fields.question !== undefined && fields.question.length < 20)
      add('question', 'Write the specific question you want answered (20 characters or more).');
    if (fields.outcome !== undefined && fields.outcome.length < 10)
      add('outcome', 'Say what a good outcome would look like (10 characters or more).');
    if (fields.skills?.length === 0) add('skills', 'Choose at least one skill this ask needs.');
    if (fields.media?.length === 0) add('media', 'Choose at least one way you could meet.');
    if (fields.media?.includes('IN_PERSON') && fields.location === null) {
      add('location', 'Say where you would meet in person (a town or venue is enough), or untick “In person”.');
    }
    if (windows.length === 0 && windowErrors.length === 0) add('availability', 'Tick at least one day you could meet, with times.');
  }
  if (Object.keys(fieldErrors).length > 0 || !deadline) return { ok: false, fieldErrors: inFieldOrder(fieldErrors, ASK_FORM_ORDER) };
  const valid = fields as z.output<typeof askFieldsSchema>;
  return { ok: true, data: { ...valid, deadline, availability: windows } };
}

export const withdrawSchema = z.object({
  reason: optionalText(500, 'Keep the reason to 500 characters or fewer.'),
});

// ---------------------------------------------------------------- splitting into stages

const stageSchema = z.object({
  title: z
    .string()
    .trim()
    .min(10, 'Give this stage a title of at least 10 characters.')
    .max(LIMIT.title, 'Keep the title to 120 characters or fewer.'),
  question: z
    .string()
    .trim()
    .min(20, 'Write the question for this stage (20 characters or more).')
    .max(LIMIT.question, 'Keep the question to 2,000 characters or fewer.'),
  durationMinutes: z.coerce
    .number()
    .refine((value) => (ASK_DURATIONS as readonly number[]).includes(value), 'Choose 15, 20, 30, 45 or 60 minutes.'),
  skills: z
    .array(z.string().regex(/^[a-z0-9-]{1,60}$/, 'Choose skills from the list.'))
    .min(1, 'Choose the main skill this stage needs.')
    .max(2),
});

export type StageInput = z.output<typeof stageSchema>;

/** A stage's fields as the form shows them. */
const STAGE_FORM_ORDER = ['title', 'question', 'skills', 'durationMinutes'];

/**
 * Stage rows arrive as stage-N-title, stage-N-question, stage-N-duration, stage-N-skill-1/2; rows left
 * blank are ignored. Errors are keyed "stage-N-field" so each shows beside its own input.
 */
export function parseStages(
  values: FormValues,
): { ok: true; projectTitle: string; stages: StageInput[] } | { ok: false; fieldErrors: FieldErrors } {
  const fieldErrors: FieldErrors = {};
  const projectTitle = (single(values, 'projectTitle') ?? '').trim();
  if (projectTitle.length < 5) fieldErrors.projectTitle = ['Name the bigger piece of work, like “Our first National Lottery bid”.'];
  else if (projectTitle.length > LIMIT.title) fieldErrors.projectTitle = ['Keep the name to 120 characters or fewer.'];
  const stages: StageInput[] = [];
  let filledIn = 0;
  for (let n = 1; n <= MAX_STAGES; n += 1) {
    const raw = {
      title: single(values, `stage-${n}-title`) ?? '',
      question: single(values, `stage-${n}-question`) ?? '',
      durationMinutes: single(values, `stage-${n}-duration`) ?? String(DEFAULT_DURATION),
      skills: [single(values, `stage-${n}-skill-1`), single(values, `stage-${n}-skill-2`)].filter(
        (slug, index, all): slug is string => Boolean(slug) && all.indexOf(slug) === index,
      ),
    };
    if (!raw.title.trim() && !raw.question.trim() && raw.skills.length === 0) continue;
    filledIn += 1;
    const parsed = stageSchema.safeParse(raw);
    if (parsed.success) stages.push(parsed.data);
    else {
      const stageErrors = inFieldOrder(fieldErrorsFrom(parsed.error), STAGE_FORM_ORDER);
      for (const [field, messages] of Object.entries(stageErrors)) fieldErrors[`stage-${n}-${field}`] = messages;
    }
  }
  // Counted by the rows filled in, right or not: one stage with mistakes still needs a second.
  if (filledIn < MIN_STAGES) {
    fieldErrors.stages = [`Fill in at least ${MIN_STAGES} stages: a broad ask split into two to five smaller questions.`];
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors: inFieldOrder(fieldErrors, ['projectTitle', 'stages']) };
  return { ok: true, projectTitle, stages };
}
