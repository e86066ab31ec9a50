// Reporting and resolving. A report is one row, refused by the database when the reporter already has an open
// one about the same content (a partial unique index). Resolving is one conditional update on an OPEN report,
// so of two admins at once exactly one wins and the other is told; what follows (hiding the content, warning or
// suspending the person, the emails, the audit rows) happens in the same transaction.
import 'server-only';
import { recordAudit, type AuditTarget } from '@/lib/audit/record';
import { AccessDenied, assertActive, assertAdmin, type Actor } from '@/lib/auth/actor';
import { isUniqueViolation } from '@/lib/database/errors';
import { db } from '@/lib/db';
import { queueEmail } from '@/lib/email/outbox';
import { appUrl } from '@/lib/env';
import { formValues, invalid, parseForm, type FormResult } from '@/lib/forms';
import type { Prisma, ReportResolution, ReportTarget } from '@/lib/generated/prisma/client';
import { suspendUserIn } from '@/lib/moderation/users';
import { reportableContent } from './policy';
import { outcomeLines, reportTargetLabels } from './labels';
import { reportSchema, resolveSchema } from './schema';
import { readSnapshot } from './snapshot';

type Tx = Prisma.TransactionClient;

export const ALREADY_REPORTED = 'You have already reported this. We will email you when we have looked into it.';
export const ALREADY_RESOLVED =
  'Another admin resolved this report while you were deciding. Nothing more was done; the list shows what is left.';

const OWN_CONTENT: Record<ReportTarget, string> = {
  ASK: 'This is your organisation’s own ask: withdraw or edit it instead of reporting it.',
  OFFER: 'This is your own offer: withdraw it instead of reporting it.',
  USER: 'This is your own profile.',
  ORGANISATION: 'This is your own organisation.',
  FEEDBACK: 'This is your own feedback.',
};

/** The audit target of the content itself, when it is hidden. */
const CONTENT_AUDIT_TYPE: Record<ReportTarget, AuditTarget['type']> = {
  ASK: 'Ask',
  OFFER: 'Offer',
  USER: 'User',
  ORGANISATION: 'Organisation',
  FEEDBACK: 'Feedback',
};

/**
 * The actor reports content they can see (lib/reports/policy.ts), with a reason and details. The content is
 * kept as it is now (the snapshot) and the reporter is emailed that it arrived. A second open report of the same
 * content by the same person is refused by the database, even when both arrive at once.
 */
export async function createReport(
  actor: Actor,
  targetType: ReportTarget,
  targetId: string,
  input: FormData | Record<string, unknown>,
): Promise<FormResult<{ id: string }>> {
  assertActive(actor);
  const values = formValues(input);
  const parsed = parseForm(reportSchema, values);
  if (!parsed.ok) return parsed.result;
  const { reason, details } = parsed.data;
  try {
    return await db.$transaction(async (tx): Promise<FormResult<{ id: string }>> => {
      const content = await reportableContent(tx, actor, targetType, targetId);
      if (content === 'own') return invalid(values, {}, OWN_CONTENT[targetType]);
      const report = await tx.report.create({
        data: {
          reporterId: actor.id,
          targetType,
          targetId,
          subjectUserId: content.subjectUserId,
          reason,
          details,
          snapshot: content.snapshot as unknown as Prisma.InputJsonValue,
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'report.create',
        target: { type: 'Report', id: report.id },
        data: { targetType, targetId, reason },
      });
      const reporter = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { email: true } });
      await queueEmail(tx, {
        to: reporter.email,
        userId: actor.id,
        message: { kind: 'report-received', data: { what: reportTargetLabels[targetType], url: `${appUrl()}/dashboard` } },
      });
      return { ok: true, data: { id: report.id } };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'Report_one_open_per_reporter')) return invalid(values, {}, ALREADY_REPORTED);
    throw error;
  }
}

/** Hides the content in its own table; false when it was hidden already. */
async function hideContent(tx: Tx, type: ReportTarget, id: string, reason: string, now: Date): Promise<boolean> {
  const data = { hiddenAt: now, hiddenReason: reason };
  const where = { hiddenAt: null };
  switch (type) {
    case 'ASK':
      return (await tx.ask.updateMany({ where: { id, ...where }, data })).count > 0;
    case 'OFFER':
      return (await tx.offer.updateMany({ where: { id, ...where }, data })).count > 0;
    case 'USER':
      return (await tx.volunteerProfile.updateMany({ where: { userId: id, ...where }, data })).count > 0;
    case 'ORGANISATION':
      return (await tx.organisation.updateMany({ where: { id, ...where }, data })).count > 0;
    case 'FEEDBACK':
      return (await tx.feedback.updateMany({ where: { id, ...where }, data })).count > 0;
  }
}

/** Where the author of hidden content sees it, and why it was hidden. */
function hiddenContentUrl(type: ReportTarget, id: string): string {
  return type === 'ASK' ? `${appUrl()}/my-asks/${id}` : `${appUrl()}/dashboard`;
}

/**
 * An admin resolves an open report with a note: no action, hide the content (gone from every page others see;
 * its author is emailed the note), warn the person (the note is the email, and a warning counts towards
 * escalation) or suspend them (lib/moderation/users.ts). Every other open report of the same content is
 * resolved with it, and each reporter is told the outcome in one line.
 */
export async function resolveReport(
  admin: Actor,
  reportId: string,
  input: FormData | Record<string, unknown>,
  now = new Date(),
): Promise<FormResult<{ resolution: ReportResolution }>> {
  assertAdmin(admin);
  const values = formValues(input);
  const parsed = parseForm(resolveSchema, values);
  if (!parsed.ok) return parsed.result;
  const { resolution, note } = parsed.data;

  const report = await db.report.findUnique({
    where: { id: reportId },
    select: { id: true, status: true, targetType: true, targetId: true, subjectUserId: true, snapshot: true },
  });
  if (!report) throw new AccessDenied('No such report');
  if (report.status !== 'OPEN') return invalid(values, {}, ALREADY_RESOLVED);
  const personal = resolution === 'WARN' || resolution === 'SUSPEND';
  if (personal && !report.subjectUserId)
    return invalid(values, { resolution: ['Nobody can be warned or suspended: the account behind it is gone.'] });
  if (resolution === 'SUSPEND' && report.subjectUserId === admin.id)
    return invalid(values, { resolution: ['You cannot suspend your own account. Ask another admin.'] });

  return db.$transaction(async (tx): Promise<FormResult<{ resolution: ReportResolution }>> => {
    const resolved = {
      status: resolution === 'NO_ACTION' ? ('DISMISSED' as const) : ('RESOLVED' as const),
      resolvedById: admin.id,
      resolvedAt: now,
      resolutionKind: resolution,
      resolution: note,
    };
    // The race is settled here: the second admin's update finds the report no longer OPEN.
    const { count } = await tx.report.updateMany({ where: { id: reportId, status: 'OPEN' }, data: resolved });
    if (count === 0) return invalid(values, {}, ALREADY_RESOLVED);
    const others = await tx.report.findMany({
      where: { targetType: report.targetType, targetId: report.targetId, status: 'OPEN', id: { not: reportId } },
      select: { id: true },
    });
    if (others.length > 0) {
      await tx.report.updateMany({ where: { id: { in: others.map((other) => other.id) }, status: 'OPEN' }, data: resolved });
    }
    const reportIds = [reportId, ...others.map((other) => other.id)];
    await recordAudit(tx, {
      actorId: admin.id,
      action: 'report.resolve',
      target: { type: 'Report', id: reportId },
      after: { status: resolved.status, resolution },
      data: { note, targetType: report.targetType, targetId: report.targetId, alsoResolved: others.map((other) => other.id) },
    });

    const subject = report.subjectUserId
      ? await tx.user.findUnique({ where: { id: report.subjectUserId }, select: { id: true, email: true, status: true } })
      : null;
    const what = readSnapshot(report.snapshot).title;
    if (resolution === 'HIDE') {
      const hidden = await hideContent(tx, report.targetType, report.targetId, note, now);
      if (hidden) {
        await recordAudit(tx, {
          actorId: admin.id,
          action: 'content.hide',
          target: { type: CONTENT_AUDIT_TYPE[report.targetType], id: report.targetId },
          data: { reason: note, reportId },
        });
        if (subject) {
          await queueEmail(tx, {
            to: subject.email,
            userId: subject.id,
            message: {
              kind: 'content-hidden',
              data: {
                what,
                kind: reportTargetLabels[report.targetType],
                reason: note,
                url: hiddenContentUrl(report.targetType, report.targetId),
              },
            },
          });
        }
      }
    } else if (resolution === 'WARN' && subject) {
      await recordAudit(tx, { actorId: admin.id, action: 'user.warn', target: { type: 'User', id: subject.id }, data: { note, reportId } });
      await queueEmail(tx, {
        to: subject.email,
        userId: subject.id,
        message: { kind: 'user-warned', data: { what, note, url: `${appUrl()}/dashboard` } },
      });
    } else if (resolution === 'SUSPEND' && subject) {
      await suspendUserIn(tx, admin, subject.id, note, now);
    }

    const reporters = await tx.report.findMany({
      where: { id: { in: reportIds }, reporterId: { not: null } },
      select: { id: true, targetType: true, reporter: { select: { id: true, email: true, status: true } } },
    });
    for (const { id, targetType, reporter } of reporters) {
      if (!reporter || reporter.status !== 'ACTIVE') continue;
      await queueEmail(tx, {
        to: reporter.email,
        userId: reporter.id,
        dedupeKey: `report-outcome:${id}`,
        message: {
          kind: 'report-outcome',
          data: { what: reportTargetLabels[targetType], outcome: outcomeLines[resolution], url: `${appUrl()}/dashboard` },
        },
      });
    }
    return { ok: true, data: { resolution } };
  });
}
