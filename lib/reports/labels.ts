// The reasons and actions people choose from in reports, with the words shown for each, and the forms' limits.
// No zod and no database here: the client forms import it (zod in a browser bundle tries eval, which our
// Content-Security-Policy refuses).
import type { ReportReason, ReportResolution, ReportTarget } from '@/lib/generated/prisma/enums';

export const REPORT_TARGETS: readonly ReportTarget[] = ['ASK', 'OFFER', 'USER', 'ORGANISATION', 'FEEDBACK'];

export const REPORT_REASONS = ['SPAM', 'ABUSIVE', 'UNSAFE', 'MISLEADING', 'OTHER'] as const satisfies readonly ReportReason[];

export const reportReasonLabels: Record<ReportReason, string> = {
  SPAM: 'Spam or advertising',
  ABUSIVE: 'Abusive or offensive',
  UNSAFE: 'Unsafe: puts someone at risk',
  MISLEADING: 'Misleading or not what it claims',
  OTHER: 'Something else',
};

/** What is reported, as the reporter and the admin read it ("an ask", "an offer's message"). */
export const reportTargetLabels: Record<ReportTarget, string> = {
  ASK: 'an ask',
  OFFER: 'an offer’s message',
  USER: 'a volunteer profile',
  ORGANISATION: 'an organisation',
  FEEDBACK: 'a feedback note or thank-you',
};

export const RESOLUTIONS = ['NO_ACTION', 'HIDE', 'WARN', 'SUSPEND'] as const satisfies readonly ReportResolution[];

export const resolutionLabels: Record<ReportResolution, string> = {
  NO_ACTION: 'No action',
  HIDE: 'Hide the content',
  WARN: 'Warn the person',
  SUSPEND: 'Suspend the person',
};

/** The one line the reporter is told when their report is resolved. */
export const outcomeLines: Record<ReportResolution, string> = {
  NO_ACTION: 'We looked into it and found nothing that breaks our rules, so we have left it as it is.',
  HIDE: 'We agreed and have hidden it: nobody else can see it now.',
  WARN: 'We agreed and have warned the person responsible.',
  SUSPEND: 'We agreed and have suspended the account of the person responsible.',
};

export const DETAILS_MAX = 1000;
export const NOTE_MAX = 1000;
