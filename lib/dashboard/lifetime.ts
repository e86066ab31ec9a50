// When a cached dashboard goes out of date by the clock alone (docs/decisions/0015). Every write that changes
// a dashboard gives it a new version, so only time is left: a session ending (it moves from "upcoming" to
// "feedback to give"), an invitation's ask closing, and, at most five minutes late, everything slower (a
// practice check coming due, a month turning, another person's new name). Pure: no I/O.
import type { StaffDashboard, VolunteerDashboard } from './queries';

/** The longest a cached dashboard is served; past it, it is rendered again before anyone sees it. */
export const DASHBOARD_MAX_AGE_MS = 5 * 60_000;

export function dashboardExpiresAt(
  now: Date,
  staff: Pick<StaffDashboard, 'upcoming'> | null,
  volunteering: Pick<VolunteerDashboard, 'upcoming' | 'invitations'> | null,
): Date {
  const moments = [
    now.getTime() + DASHBOARD_MAX_AGE_MS,
    ...(staff?.upcoming ?? []).map((meeting) => meeting.endsAt.getTime()),
    ...(volunteering?.upcoming ?? []).map((meeting) => meeting.endsAt.getTime()),
    ...(volunteering?.invitations ?? []).map((invitation) => invitation.deadline.getTime()),
  ].filter((at) => at > now.getTime());
  return new Date(Math.min(...moments));
}
