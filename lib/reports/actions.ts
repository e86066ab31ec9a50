'use server';
// Server actions for reports: anyone signed in reports what they can see; admins resolve. Each checks who is
// acting here and again in lib/reports/mutations.ts; the pages bind the target's or the report's id on the server.
import { refresh } from 'next/cache';
import { notFound, redirect } from 'next/navigation';
import { requireAdmin, requireUser } from '@/lib/auth/guards';
import { orNotFound } from '@/lib/auth/not-found';
import type { FormState } from '@/lib/forms';
import type { ReportResolution, ReportTarget } from '@/lib/generated/prisma/enums';
import { createReport, resolveReport } from './mutations';
import { REPORT_TARGETS } from './labels';

/** Back to the page the form was on (a path of ours only), with a notice that the report arrived. */
function backTo(returnTo: string): string {
  const path = returnTo.startsWith('/') && !returnTo.startsWith('//') ? returnTo.split('#')[0]! : '/dashboard';
  return `${path}${path.includes('?') ? '&' : '?'}reported=1`;
}

export async function reportAction(
  targetType: ReportTarget,
  targetId: string,
  returnTo: string,
  _previous: FormState<{ id: string }>,
  formData: FormData,
) {
  const user = await requireUser(returnTo.startsWith('/') ? returnTo : '/dashboard');
  if (!REPORT_TARGETS.includes(targetType)) notFound();
  const result = await orNotFound(() => createReport(user, targetType, targetId, formData));
  if (!result.ok) return result;
  refresh();
  redirect(backTo(returnTo));
}

export async function resolveReportAction(reportId: string, _previous: FormState<{ resolution: ReportResolution }>, formData: FormData) {
  const admin = await requireAdmin('/admin/reports');
  const result = await orNotFound(() => resolveReport(admin, reportId, formData));
  if (!result.ok) return result;
  refresh();
  redirect(`/admin/reports?resolved=${result.data.resolution}`);
}
