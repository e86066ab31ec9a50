// What the offer forms and their zod schemas (schema.ts) share. No zod here: client components import
// this, and a constant imported from schema.ts brings all of zod into the browser's JavaScript.

/** Reasons staff may give; CHOSE_ANOTHER_OFFER and ASK_CLOSED are set for them by the system. */
export const STAFF_DECLINE_REASONS = ['TIMES_DO_NOT_WORK', 'SKILLS_NOT_A_FIT', 'OTHER'] as const;

export const declineReasonLabels: Record<(typeof STAFF_DECLINE_REASONS)[number], string> = {
  TIMES_DO_NOT_WORK: 'None of the times work for us',
  SKILLS_NOT_A_FIT: 'Their skills are not quite what we need',
  OTHER: 'Another reason',
};
