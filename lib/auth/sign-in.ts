// Requesting a magic link. The same answer for every well-formed address, known or not, so the form
// cannot be used to find out who has an account. Limited per address and per client in the database.
import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import { queueEmail } from '@/lib/email/outbox';
import { appUrl, env } from '@/lib/env';
import { formValues, invalid, parseForm, type FormResult } from '@/lib/forms';
import { clientAddress } from './client-address';
import { emailField } from './email-address';
import { consumeRateLimit, minutesUntil, type RateLimit } from './rate-limit';
import { returnPathFromProxy, safeReturnPath } from './redirects';
import { hashSignInToken, newSignInToken, signInUrl, SIGN_IN_LINK_MINUTES } from './tokens';

export const SIGN_IN_LIMITS = {
  perAddress: { limit: env.SIGN_IN_LIMIT_PER_ADDRESS, windowMs: 15 * 60_000 },
  perClient: { limit: env.SIGN_IN_LIMIT_PER_CLIENT, windowMs: 15 * 60_000 },
} satisfies Record<string, RateLimit>;

/** One inbox, however it is addressed: "sam+1@x" and "sam+2@x" reach the same person. */
function mailboxKey(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.split('+')[0]}@${domain}`;
}

const signInSchema = z.object({
  email: emailField,
  callbackUrl: z.string().max(2000).optional(),
});

export async function requestSignInLink(input: FormData | Record<string, unknown>, client: string): Promise<FormResult<{ email: string }>> {
  const values = formValues(input);
  const parsed = parseForm(signInSchema, values);
  if (!parsed.ok) return parsed.result;
  const { email } = parsed.data;
  const returnTo = safeReturnPath(parsed.data.callbackUrl, appUrl());

  for (const [key, rule] of [
    [`sign-in:client:${client}`, SIGN_IN_LIMITS.perClient],
    [`sign-in:email:${mailboxKey(email)}`, SIGN_IN_LIMITS.perAddress],
  ] as const) {
    const { allowed, retryAfterMs } = await consumeRateLimit(key, rule);
    if (!allowed) {
      return invalid(
        values,
        {},
        `You have asked for several sign-in links in a short time. Please try again in ${minutesUntil(retryAfterMs)}.`,
      );
    }
  }

  // The token and its email are one transaction: there is never a link nobody will receive, and a
  // mail server that is down delays the email (the queue retries) instead of losing it.
  const token = newSignInToken();
  await db.$transaction(async (tx) => {
    await tx.verificationToken.create({
      data: { identifier: email, token: hashSignInToken(token), expires: new Date(Date.now() + SIGN_IN_LINK_MINUTES * 60_000) },
    });
    const user = await tx.user.findUnique({ where: { email }, select: { id: true } });
    await queueEmail(tx, {
      to: email,
      userId: user?.id ?? null,
      message: { kind: 'sign-in-link', data: { url: signInUrl(appUrl(), token, email, returnTo), minutes: SIGN_IN_LINK_MINUTES } },
    });
  });
  return { ok: true, data: { email } };
}

/** The sign-in form as its action receives it: the client is judged by TRUSTED_PROXIES, never by what it says. */
export async function requestSignInLinkFromRequest(formData: FormData, headers: Headers): Promise<FormResult<{ email: string }>> {
  // The cached sign-in page's form carries no return path: proxy.ts passes the one in the page's address.
  if (!formData.get('callbackUrl')) {
    const returnTo = returnPathFromProxy(headers);
    if (returnTo) formData.set('callbackUrl', returnTo);
  }
  return requestSignInLink(formData, clientAddress(headers, env.TRUSTED_PROXIES));
}
