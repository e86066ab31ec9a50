// What the invitation forms and their zod schemas (schema.ts) share. No zod here: client components import
// this, and a constant imported from schema.ts brings all of zod into the browser's JavaScript.

/** The longest line staff may add to an invitation; the form's maxlength says the same. */
export const INVITATION_MESSAGE_MAX = 500;
export const DECLINE_REASON_MAX = 500;
