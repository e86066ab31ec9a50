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
  askWritten: boolean;
  /** One sent for review and waiting. */
  askInReview: boolean;
  /** One approved but not yet public: the organisation is waiting for verification. */
  askApprovedUnpublished: boolean;
  askPublished: boolean;
  /** An offer the charity accepted or declined itself (not one closed for them with its ask). */
  offerAnswered: boolean;
  /** The ask with the oldest offer still waiting for an answer, if any. */
  askWithOfferWaiting: string | null;
  /** The newest draft or ask sent back for changes, to continue. */
  draftAskId: string | null;
  draftSentBack: boolean;
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
  const written = progress.askWritten;
  const published = progress.askPublished;
  const submitted = published || progress.askInReview || progress.askApprovedUnpublished;
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
      action: written ? undefined : { label: 'Write your first ask', href: `/my-asks/new?organisation=${progress.organisationId}` },
    },
    {
      key: 'published',
      label: 'First ask published',
      done: published,
      ...(published
        ? {}
        : progress.askApprovedUnpublished
          ? { detail: 'Approved: it will be published as soon as your organisation is verified.' }
          : progress.askInReview
            ? { detail: 'Sent for review: our team reads every ask before volunteers can see it.' }
            : written && !submitted && progress.draftAskId
              ? {
                  detail: progress.draftSentBack
                    ? 'Our team asked for a few changes: make them and send it for review again.'
                    : 'Not sent for review yet: finish it and send it when it is ready.',
                  action: {
                    label: progress.draftSentBack ? 'Make the changes' : 'Finish your draft',
                    href: `/my-asks/${progress.draftAskId}/edit`,
                  },
                }
              : {}),
    },
    {
      key: 'answered',
      label: 'First offer answered',
      done: progress.offerAnswered,
      ...(progress.offerAnswered
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
 * One statement of EXISTS tests on Ask(organisationId, status) and Offer(askId, ...), each stopping at its
 * first row.
 */
export async function organisationProgress(actor: Actor, organisationId?: string): Promise<OrganisationProgress[]> {
  assertActive(actor);
  const only = organisationId ? Prisma.sql`AND o.id = ${organisationId}` : Prisma.empty;
  return db.$queryRaw<OrganisationProgress[]>(Prisma.sql`
    SELECT o.id AS "organisationId", o.name AS "organisationName", o.status::text AS status,
      EXISTS (SELECT 1 FROM "Ask" a WHERE a."organisationId" = o.id) AS "askWritten",
      EXISTS (SELECT 1 FROM "Ask" a WHERE a."organisationId" = o.id AND a.status = 'PENDING_REVIEW') AS "askInReview",
      EXISTS (SELECT 1 FROM "Ask" a WHERE a."organisationId" = o.id AND a.status = 'OPEN' AND a."publishedAt" IS NULL)
        AS "askApprovedUnpublished",
      EXISTS (SELECT 1 FROM "Ask" a WHERE a."organisationId" = o.id AND a."publishedAt" IS NOT NULL) AS "askPublished",
      -- Declined with ASK_CLOSED is the app closing it for them when the ask was withdrawn or expired.
      EXISTS (SELECT 1 FROM "Offer" f JOIN "Ask" a ON a.id = f."askId"
               WHERE a."organisationId" = o.id
                 AND (f.status = 'ACCEPTED' OR (f.status = 'DECLINED' AND f."declineReason" IS DISTINCT FROM 'ASK_CLOSED')))
        AS "offerAnswered",
      (SELECT a.id FROM "Offer" f JOIN "Ask" a ON a.id = f."askId"
        WHERE a."organisationId" = o.id AND a.status = 'OPEN' AND f.status = 'PENDING'
        ORDER BY f."createdAt", f.id LIMIT 1) AS "askWithOfferWaiting",
      d.id AS "draftAskId", coalesce(d.status = 'CHANGES_REQUESTED', false) AS "draftSentBack"
      FROM "Membership" m JOIN "Organisation" o ON o.id = m."organisationId"
      LEFT JOIN LATERAL (
        SELECT a.id, a.status FROM "Ask" a WHERE a."organisationId" = o.id AND a.status IN ('DRAFT', 'CHANGES_REQUESTED')
         ORDER BY a."updatedAt" DESC, a.id LIMIT 1) d ON true
     WHERE m."userId" = ${actor.id} AND o.status IN ('PENDING_VERIFICATION', 'VERIFIED') ${only}
     ORDER BY m."createdAt", o.id`);
}
