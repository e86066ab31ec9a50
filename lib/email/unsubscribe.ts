// One-click unsubscribe without signing in (RFC 8058): the link carries the person and the topic,
// signed with the app's secret, so nobody can unsubscribe someone else by guessing.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { EmailTopic } from './messages';
import { TOPIC_COLUMNS } from './preferences';

const TOPICS: readonly EmailTopic[] = ['offers', 'reminders', 'digest'];

export const TOPIC_LABELS: Record<EmailTopic, string> = {
  offers: 'emails about offers and invitations for your asks, and asks about to close',
  reminders: 'reminders before your sessions',
  digest: 'the weekly digest of new asks that fit your skills',
};

function signature(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(`unsubscribe:${payload}`).digest('base64url');
}

export function unsubscribeToken(secret: string, userId: string, topic: EmailTopic): string {
  const payload = `${userId}.${topic}`;
  return `${payload}.${signature(secret, payload)}`;
}

/** The page a person opens from the email's footer: it asks them to confirm, so link scanners change nothing. */
export function unsubscribeUrl(appUrl: string, secret: string, userId: string, topic: EmailTopic): string {
  return `${appUrl}/unsubscribe?token=${encodeURIComponent(unsubscribeToken(secret, userId, topic))}`;
}

/** The List-Unsubscribe address: mail programs POST `List-Unsubscribe=One-Click` to it (RFC 8058). */
export function oneClickUnsubscribeUrl(appUrl: string, secret: string, userId: string, topic: EmailTopic): string {
  return `${appUrl}/api/unsubscribe?token=${encodeURIComponent(unsubscribeToken(secret, userId, topic))}`;
}

/** The person and topic a token names, or null when it was not made by us. */
export function readUnsubscribeToken(secret: string, token: string): { userId: string; topic: EmailTopic } | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [userId, topic, given] = parts as [string, string, string];
  if (!TOPICS.includes(topic as EmailTopic)) return null;
  const expected = Buffer.from(signature(secret, `${userId}.${topic}`));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  return { userId, topic: topic as EmailTopic };
}

/** Turns the topic off. Idempotent: unsubscribing twice, or after the account went, is not an error. */
export async function unsubscribe(db: PrismaClient, secret: string, token: string): Promise<{ topic: EmailTopic } | null> {
  const read = readUnsubscribeToken(secret, token);
  if (!read) return null;
  await db.user.updateMany({ where: { id: read.userId }, data: { [TOPIC_COLUMNS[read.topic]]: false } });
  return { topic: read.topic };
}
