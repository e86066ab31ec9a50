// Sign-in tokens exactly as next-auth's email provider stores them: only a sha256 of the token and
// the secret is kept, so a database leak does not leak working links. next-auth's callback route
// verifies them (app/api/auth/[...nextauth]/route.ts).
import { createHash, randomBytes } from 'node:crypto';
import { authSecret } from './secret';

export const SIGN_IN_LINK_MINUTES = 15;

export function newSignInToken(): string {
  return randomBytes(32).toString('hex');
}

export function hashSignInToken(token: string): string {
  return createHash('sha256').update(`${token}${authSecret()}`).digest('hex');
}

export function signInUrl(appUrl: string, token: string, email: string, returnTo: string): string {
  const params = new URLSearchParams({ callbackUrl: new URL(returnTo, appUrl).toString(), token, email });
  return `${appUrl}/api/auth/callback/email?${params}`;
}
