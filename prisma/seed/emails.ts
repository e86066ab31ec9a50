// A short email history for the demo, so /admin/emails has something to show: messages sent, and one
// dead letter (a mail server that kept refusing) that an admin can retry to the local inbox.
import type { Prisma } from '@/lib/generated/prisma/client';

export function demoEmails(
  at: (day: number, hour?: number) => Date,
  people: { charity: { id: string; email: string }; volunteer: { id: string; email: string } },
): Prisma.EmailOutboxCreateManyInput[] {
  const appUrl = 'http://localhost:3000';
  return [
    {
      id: 'email-demo-verified',
      userId: people.charity.id,
      to: people.charity.email,
      kind: 'organisation-verified',
      data: { organisationName: 'Brightside Youth Club', url: `${appUrl}/dashboard` },
      subject: 'Brightside Youth Club is verified on HalfHour',
      status: 'SENT',
      attempts: 1,
      sentAt: at(-30, 10),
      createdAt: at(-30, 10),
    },
    {
      id: 'email-demo-sign-in',
      userId: people.volunteer.id,
      to: people.volunteer.email,
      kind: 'sign-in-link',
      data: { url: `${appUrl}/signin`, minutes: 15 },
      subject: 'Your HalfHour sign-in link',
      status: 'SENT',
      attempts: 2,
      lastError: 'connect ECONNREFUSED 127.0.0.1:1025',
      sentAt: at(-2, 9),
      createdAt: at(-2, 9),
    },
    {
      id: 'email-demo-dead-letter',
      userId: people.charity.id,
      to: people.charity.email,
      kind: 'offer-waiting',
      data: { askTitle: 'Our first National Lottery bid', volunteerName: 'Alex Morgan', waitingDays: 2, url: `${appUrl}/my-asks` },
      subject: null,
      status: 'FAILED',
      attempts: 10,
      lastError: '451 4.3.0 Mailbox temporarily unavailable, try again later',
      createdAt: at(-1, 7),
    },
  ];
}
