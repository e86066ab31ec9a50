// The reported content as it was when reported, stored on the report (Report.snapshot): the admin judges what
// the reporter saw, even if the author edits it afterwards. Plain JSON of labelled texts, the same shape for
// every kind of content, so the admin page shows any of them with one component.
import type { Prisma } from '@/lib/generated/prisma/client';

export interface Snapshot {
  /** What it is, in a few words: the ask's title, the volunteer's name. */
  title: string;
  /** Each text as it read, with its label. */
  parts: Array<{ label: string; text: string }>;
}

export interface ReportedContent {
  subjectUserId: string | null;
  snapshot: Snapshot;
}

const parts = (...entries: Array<[string, string | null | undefined]>) =>
  entries.filter((entry): entry is [string, string] => Boolean(entry[1]?.trim())).map(([label, text]) => ({ label, text }));

export const snapshotOf = {
  ask: (ask: { title: string; question: string; outcome: string; context: string | null; organisation: { name: string } }): Snapshot => ({
    title: `${ask.title} (${ask.organisation.name})`,
    parts: parts(['Question', ask.question], ['A good outcome', ask.outcome], ['Context', ask.context]),
  }),
  offer: (offer: { message: string; volunteer: { name: string | null }; ask: { title: string } }): Snapshot => ({
    title: `Offer from ${offer.volunteer.name ?? 'a volunteer'} on “${offer.ask.title}”`,
    parts: parts(['Message', offer.message]),
  }),
  profile: (profile: { headline: string; bio: string; user: { name: string | null } }): Snapshot => ({
    title: `Volunteer profile of ${profile.user.name ?? 'a volunteer'}`,
    parts: parts(['Headline', profile.headline], ['About', profile.bio]),
  }),
  organisation: (organisation: { name: string; description: string; website: string | null }): Snapshot => ({
    title: organisation.name,
    parts: parts(['Description', organisation.description], ['Website', organisation.website]),
  }),
  feedback: (feedback: {
    rating: number | null;
    changes: string | null;
    thanks: string | null;
    meeting: { ask: { title: string }; organisation: { name: string } };
  }): Snapshot => ({
    title: `Feedback from ${feedback.meeting.organisation.name} on “${feedback.meeting.ask.title}”`,
    parts: parts(
      ['Rating', feedback.rating === null ? null : `${feedback.rating} of 5`],
      ['What they will change', feedback.changes],
      ['Thank-you note', feedback.thanks],
    ),
  }),
};

/** A stored snapshot read back; an unreadable one shows as empty rather than failing the admin page. */
export function readSnapshot(value: Prisma.JsonValue): Snapshot {
  const object = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const title = typeof object.title === 'string' ? object.title : 'Reported content';
  const list = Array.isArray(object.parts) ? object.parts : [];
  return {
    title,
    parts: list.flatMap((part) => {
      const entry = part as { label?: unknown; text?: unknown };
      return typeof entry?.label === 'string' && typeof entry.text === 'string' ? [{ label: entry.label, text: entry.text }] : [];
    }),
  };
}
