// next-auth's part: verifying a magic link, creating the user on first sign-in, writing the database
// session and its cookie. Requesting links is ours (lib/auth/sign-in.ts); so is reading sessions
// (lib/auth/session.ts). See docs/decisions/0004-next-auth.md.
import 'server-only';
import { PrismaAdapter } from '@auth/prisma-adapter';
import type { NextAuthOptions } from 'next-auth';
import type { Adapter } from 'next-auth/adapters';
import EmailProvider from 'next-auth/providers/email';
import { db } from '@/lib/db';
import { appUrl, env } from '@/lib/env';
import { signInRedirect } from './redirects';
import { authSecret } from './secret';
import { SIGN_IN_LINK_MINUTES } from './tokens';

// next-auth takes its own address from NEXTAUTH_URL; pin it so a forged Host header cannot change it.
process.env.NEXTAUTH_URL ??= appUrl();

export function authOptions(): NextAuthOptions {
  const adapter = PrismaAdapter(db) as Adapter;
  return {
    adapter: {
      ...adapter,
      // next-auth deletes the session a browser still carries when someone signs in by email; that
      // session may already be gone (signed out elsewhere, suspended, expired and cleared), and the
      // Prisma adapter's delete would then fail the whole sign-in.
      async deleteSession(sessionToken) {
        await db.session.deleteMany({ where: { sessionToken } });
      },
    },
    secret: authSecret(),
    session: { strategy: 'database', maxAge: 30 * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
    providers: [
      EmailProvider({
        maxAge: SIGN_IN_LINK_MINUTES * 60,
        from: env.MAIL_FROM,
        // Links are only requested through our sign-in form, which validates and rate-limits.
        sendVerificationRequest: async () => {
          throw new Error('Sign-in links are requested from /signin');
        },
      }),
    ],
    pages: { signIn: '/signin', verifyRequest: '/signin', error: '/signin/error' },
    callbacks: {
      // A suspended account cannot sign in, even with a valid link.
      async signIn({ user }) {
        if (!user.email) return false;
        const existing = await db.user.findUnique({ where: { email: user.email }, select: { status: true } });
        return existing?.status !== 'SUSPENDED';
      },
      // Only ever back to our own site.
      async redirect({ url, baseUrl }) {
        return signInRedirect(url, baseUrl);
      },
    },
  };
}
