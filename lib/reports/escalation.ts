// Escalation: a person's warnings, no-shows and late cancellations seen together. Three in 90 days put them
// on the review queue at the top of /admin/reports with a suggested action. Pure: queries.ts reads the events.
import { DAY_MS } from '@/lib/dates';

export const ESCALATION_WINDOW_DAYS = 90;
export const ESCALATION_THRESHOLD = 3;

export type StrikeKind = 'warning' | 'no-show' | 'late-cancellation';

export interface Strike {
  kind: StrikeKind;
  at: Date;
}

export type SuggestedAction = 'WARN' | 'SUSPEND';

export interface Escalation {
  /** The strikes inside the window, newest first. */
  recent: Strike[];
  counts: Record<StrikeKind, number>;
  needsReview: boolean;
  /** Set when needsReview: a first warning when they have had none; a suspension once warned and still striking. */
  suggested: SuggestedAction | null;
  /** Why, in a sentence an admin reads. */
  because: string;
}

const noun: Record<StrikeKind, [string, string]> = {
  warning: ['warning', 'warnings'],
  'no-show': ['no-show', 'no-shows'],
  'late-cancellation': ['late cancellation', 'late cancellations'],
};

/** The person's escalation as of `now`: strikes older than the window do not count. */
export function escalate(strikes: readonly Strike[], now: Date): Escalation {
  const since = now.getTime() - ESCALATION_WINDOW_DAYS * DAY_MS;
  const recent = strikes
    .filter((strike) => strike.at.getTime() > since && strike.at.getTime() <= now.getTime())
    .sort((a, b) => b.at.getTime() - a.at.getTime());
  const counts: Record<StrikeKind, number> = { warning: 0, 'no-show': 0, 'late-cancellation': 0 };
  for (const strike of recent) counts[strike.kind] += 1;
  const needsReview = recent.length >= ESCALATION_THRESHOLD;
  const parts = (Object.keys(counts) as StrikeKind[])
    .filter((kind) => counts[kind] > 0)
    .map((kind) => `${counts[kind]} ${noun[kind][counts[kind] === 1 ? 0 : 1]}`);
  const summary = parts.length ? `${parts.join(', ')} in ${ESCALATION_WINDOW_DAYS} days` : `Nothing in ${ESCALATION_WINDOW_DAYS} days`;
  if (!needsReview) return { recent, counts, needsReview, suggested: null, because: summary };
  const suggested: SuggestedAction = counts.warning > 0 ? 'SUSPEND' : 'WARN';
  const because =
    suggested === 'SUSPEND'
      ? `${summary}: already warned, and it has gone on. Suggested: suspend.`
      : `${summary}: never warned. Suggested: a warning first.`;
  return { recent, counts, needsReview, suggested, because };
}
