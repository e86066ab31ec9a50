// A new charity's first steps, shown as a short checklist on the dashboard and on the organisation's
// page until every step is done: organisation added, verified, first ask written, first ask published,
// first offer answered. `firstSteps` is pure (what each step says and links to, from the counts);
// `organisationProgress` reads those counts for the organisations the actor belongs to.
import 'server-only';
import { assertActive, type Actor } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import { Prisma, type OrganisationStatus } from '@/lib/generated/prisma/client';

/** How far one organisation has got, as counts the checklist reads. */
export interface OrganisationProgress {
  organisationId: string;
  organisationName: string;
  status: OrganisationStatus;
  /** Any ask, drafts included. */
  asksWritten: number;
  /** Sent for review and waiting. */
  asksInReview: number;
  /** Approved but not yet public: the organisation is waiting for verification. */
  asksApprovedUnpublished: number;
  asksPublished: number;
  /** Offers accepted or declined: the charity has answered one. */
  offersAnswered: number;
  /** The ask with the oldest offer still waiting for an answer, if any. */
  askWithOfferWaiting: string | null;
  /** The newest draft or ask sent back for changes, to continue. */
  draftAskId: string | null;
}

export interface FirstStep {
  key: 'added' | 'verified' | 'written' | 'published' | 'answered';
  label: string;
  done: boolean;
  /** Where things stand when not done, in one sentence. */
  detail?: string;
  /** The next thing to do, when there is one the person can do now. */
  action?: { label: string; href: string };
}

/** The checklist for one organisation; done steps keep their place so progress is visible. */
export function firstSteps(progress: OrganisationProgress): FirstStep[] {
  const verified = progress.status === 'VERIFIED';
  const written = progress.asksWritten > 0;
  const published = progress.asksPublished > 0;
  const submitted = published || progress.asksInReview > 0 || progress.asksApprovedUnpublished > 0;
  return [
    { key: 'added', label: 'Organisation added', done: true },
    {
      key: 'verified',
      label: verified ? 'Organisation verified' : 'Organisation verified by our team',
      done: verified,
      detail: verified ? undefined : 'We are checking your details, usually within a working day. You can write asks in the meantime.',
    },
    {
      key: 'written',
      label: 'First ask written',
      done: written,
      detail: written ? undefined : 'One small, specific question a volunteer could answer in 15 to 60 minutes.',
      action: written ? undefined : { label: 'Write your first ask', href: '/my-asks/new' },
    },
    {
      key: 'published',
      label: 'First ask published',
      done: published,
      ...(published
        ? {}
        : progress.asksApprovedUnpublished > 0
          ? { detail: 'Approved: it will be published as soon as your organisation is verified.' }
          : progress.asksInReview > 0
            ? { detail: 'Sent for review: our team reads every ask before volunteers can see it.' }
            : written && !submitted && progress.draftAskId
              ? {
                  detail: 'Not sent for review yet: finish it and send it when it is ready.',
                  action: { label: 'Finish your draft', href: `/my-asks/${progress.draftAskId}/edit` },
                }
              : {}),
    },
    {
      key: 'answered',
      label: 'First offer answered',
      done: progress.offersAnswered > 0,
      ...(progress.offersAnswered > 0
        ? {}
        : progress.askWithOfferWaiting
          ? {
              detail: 'A volunteer has offered to help. Accept a time that suits you, or decline so they know.',
              action: { label: 'Answer the offer', href: `/my-asks/${progress.askWithOfferWaiting}/offers` },
            }
          : published
            ? { detail: 'We will email you when a volunteer offers a session.' }
            : {}),
    },
  ];
}

/** True once every step is done: the checklist is no longer shown. */
export function finishedFirstSteps(steps: FirstStep[]): boolean {
  return steps.every((step) => step.done);
}

/**
 * The progress of each organisation the actor belongs to (or only `organisationId`), oldest membership
 * first; organisations that are rejected or suspended are left out (their page says what to do instead).
 * One statement: each count is an EXISTS-style read on Ask(organisationId, status) and Offer(askId, status).
 */
export async function organisationProgress(actor: Actor, organisationId?: string): Promise<OrganisationProgress[]> {
  assertActive(actor);
  const only = organisationId ? Prisma.sql`AND o.id = ${organisationId}` : Prisma.empty;
  return db.$queryRaw<OrganisationProgress[]>(Prisma.sql`
    SELECT o.id AS "organisationId", o.name AS "organisationName", o.status::text AS status,
      (SELECT count(*) FROM "Ask" a WHERE a."organisationId" = o.id)::int AS "asksWritten",
      (SELECT count(*) FROM "Ask" a WHERE a."organisationId" = o.id AND a.status = 'PENDING_REVIEW')::int AS "asksInReview",
      (SELECT count(*) FROM "Ask" a WHERE a."organisationId" = o.id AND a.status = 'OPEN' AND a."publishedAt" IS NULL)::int
        AS "asksApprovedUnpublished",
      (SELECT count(*) FROM "Ask" a WHERE a."organisationId" = o.id AND a."publishedAt" IS NOT NULL)::int AS "asksPublished",
      (SELECT count(*) FROM "Offer" f JOIN "Ask" a ON a.id = f."askId"
        WHERE a."organisationId" = o.id AND f.status IN ('ACCEPTED', 'DECLINED'))::int AS "offersAnswered",
      (SELECT a.id FROM "Offer" f JOIN "Ask" a ON a.id = f."askId"
        WHERE a."organisationId" = o.id AND a.status = 'OPEN' AND f.status = 'PENDING'
        ORDER BY f."createdAt", f.id LIMIT 1) AS "askWithOfferWaiting",
      (SELECT a.id FROM "Ask" a WHERE a."organisationId" = o.id AND a.status IN ('DRAFT', 'CHANGES_REQUESTED')
        ORDER BY a."updatedAt" DESC, a.id LIMIT 1) AS "draftAskId"
      FROM "Membership" m JOIN "Organisation" o ON o.id = m."organisationId"
     WHERE m."userId" = ${actor.id} AND o.status IN ('PENDING_VERIFICATION', 'VERIFIED') ${only}
     ORDER BY m."createdAt", o.id`);
}
