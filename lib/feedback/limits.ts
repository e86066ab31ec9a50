// What the feedback forms and their zod schemas (schema.ts) share. No zod here: client components import
// this, and a constant imported from schema.ts brings all of zod into the browser's JavaScript.
import type { PracticeOutcome } from '@/lib/generated/prisma/enums';

export const FEEDBACK_TEXT_MAX = 2000;
export const PRACTICE_RESPONSE_MAX = 500;

export const practiceOutcomeLabels: Record<PracticeOutcome, string> = {
  YES: 'Yes',
  PARTLY: 'Partly',
  NOT_YET: 'Not yet',
};
