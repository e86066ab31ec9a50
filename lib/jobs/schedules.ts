// The scheduled sweeps, on pg-boss schedules (stored in the database, so they survive restarts; on
// several servers pg-boss starts each run once). Every sweep is idempotent: a conditional update or an
// email dedupe key means running it twice, or on two servers at once, changes and sends nothing twice.
import { closeOverdueAsks, warnAsksExpiringSoon } from '@/lib/asks/expiry';
import { clearExpiredAuthRows } from '@/lib/auth/cleanup';
import { requestClinicFeedback, sendClinicReminders } from '@/lib/clinics/sweeps';
import { lapseOfferedSeats } from '@/lib/clinics/waiting-list';
import { pruneDashboardChanges } from '@/lib/dashboard/versions';
import { sendWeeklyDigests } from '@/lib/email/digest';
import { sendPracticeChecks } from '@/lib/feedback/sweeps';
import { countVolunteerSupply } from '@/lib/health/supply';
import { requestMeetingFeedback, sendMeetingReminders } from '@/lib/meetings/sweeps';
import { expireStaleOffers, nudgeWaitingOffers } from '@/lib/offers/sweeps';
import type { TaskContext } from './task-context';

export interface ScheduledTask {
  name: string;
  /** Cron, in Europe/London time. */
  cron: string;
  run(context: TaskContext, now: Date): Promise<unknown>;
}

export const SCHEDULED_TASKS: ScheduledTask[] = [
  { name: 'asks-expire', cron: '*/10 * * * *', run: closeOverdueAsks },
  { name: 'asks-expiring-soon', cron: '15 * * * *', run: warnAsksExpiringSoon },
  { name: 'offers-expire', cron: '20 * * * *', run: expireStaleOffers },
  { name: 'offers-waiting', cron: '25 * * * *', run: nudgeWaitingOffers },
  // An offered clinic seat lapses 24 hours after it was offered: within five minutes it passes to the next in line.
  { name: 'clinics-lapse-offers', cron: '*/5 * * * *', run: lapseOfferedSeats },
  { name: 'meetings-reminders', cron: '*/5 * * * *', run: sendMeetingReminders },
  { name: 'meetings-feedback', cron: '*/15 * * * *', run: requestMeetingFeedback },
  { name: 'clinics-reminders', cron: '*/5 * * * *', run: sendClinicReminders },
  { name: 'clinics-feedback', cron: '*/15 * * * *', run: requestClinicFeedback },
  { name: 'practice-checks', cron: '0 9 * * *', run: sendPracticeChecks },
  { name: 'weekly-digest', cron: '0 8 * * 1', run: sendWeeklyDigests },
  { name: 'auth-cleanup', cron: '30 3 * * *', run: ({ db }, now) => clearExpiredAuthRows(db, now) },
  { name: 'dashboard-changes-prune', cron: '45 3 * * *', run: ({ db }) => pruneDashboardChanges(db) },
  { name: 'health-volunteer-supply', cron: '*/5 * * * *', run: ({ db }, now) => countVolunteerSupply(db, now) },
];
