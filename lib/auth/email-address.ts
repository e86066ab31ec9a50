// Email addresses as we store and compare them: trimmed, lower-cased, one plain mailbox. Refuses
// what mail software may read as more than one recipient (commas, quoted local parts, line breaks,
// "Name <address>" forms), which could otherwise send someone's sign-in link to a second inbox.
import { z } from 'zod';

export type EmailCheck = { ok: true; email: string } | { ok: false; message: string };

const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const SEPARATORS = /[\s,;:<>()[\]\\"]/;

export function normaliseEmail(raw: string): EmailCheck {
  const value = raw.trim();
  if (value === '') return { ok: false, message: 'Enter your email address.' };
  if (SEPARATORS.test(value) || (value.match(/@/g) ?? []).length > 1) {
    return { ok: false, message: 'Enter one email address only, like name@example.org, with no spaces, commas or quotes.' };
  }
  const invalid = { ok: false, message: 'Enter an email address in the right format, like name@example.org.' } as const;
  const at = value.indexOf('@');
  if (at < 1 || at === value.length - 1) return invalid;

  const local = value.slice(0, at).toLowerCase();
  let domain: string;
  try {
    // Punycodes international domain names and lower-cases the rest.
    domain = new URL(`http://${value.slice(at + 1)}`).hostname;
  } catch {
    return invalid;
  }
  const labels = domain.split('.');
  if (
    local.length > 64 ||
    !LOCAL_PART.test(local) ||
    labels.length < 2 ||
    !labels.every((label) => DOMAIN_LABEL.test(label)) ||
    !/^([a-z]{2,63}|xn--[a-z0-9-]+)$/.test(labels.at(-1)!)
  ) {
    return invalid;
  }
  const email = `${local}@${domain}`;
  if (email.length > 254) return invalid;
  return { ok: true, email };
}

/** A zod field for a normalised email address; the message says what was wrong. */
export const emailField = z.string().transform((raw, ctx) => {
  const checked = normaliseEmail(raw);
  if (!checked.ok) {
    ctx.addIssue({ code: 'custom', message: checked.message });
    return z.NEVER;
  }
  return checked.email;
});
