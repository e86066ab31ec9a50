// What /dashboard shows, both sides for one person: staff (./staff.ts) and volunteer (./volunteer.ts), each one SQL
// statement in which every list is a bounded, indexed CTE and the names a line shows are read for the rows kept
// (the nested Prisma selects this replaces took 10 to 14 round trips per view); the session lists both show are
// ./meeting-lists.ts. Times are returned as instants and shown in the viewer's zone by the page.
import 'server-only';
import type { SessionUser } from '@/lib/auth/session';
import { organisationProgress, type OrganisationProgress } from '@/lib/orgs/first-steps';
import { type DashboardClinics, dashboardClinics } from './clinics';
import { type StaffDashboard, staffDashboard } from './staff';
import { type VolunteerDashboard, volunteerDashboard } from './volunteer';

export type { DashboardClinics } from './clinics';
export type { DashboardMeeting } from './meeting-lists';
export type { StaffDashboard } from './staff';
export type { DashboardInvitation, VolunteerDashboard } from './volunteer';

/** Both sides of the dashboard for a signed-in person: each null when they are not staff, or not a volunteer. */
export interface DashboardData {
  staff: StaffDashboard | null;
  volunteering: VolunteerDashboard | null;
  /** A new charity's checklist, for each of their organisations (lib/orgs/first-steps.ts). */
  firstSteps: OrganisationProgress[];
  /** Their clinics as a volunteer, their charity's seats, and the clinics that fit its asks (./clinics.ts). */
  clinics: DashboardClinics;
}

export async function dashboardData(user: SessionUser, now?: Date): Promise<DashboardData> {
  // The organisations and the profile come with the person (lib/auth/session.ts); each side is one statement.
  const [staff, volunteering, firstSteps, clinics] = await Promise.all([
    user.memberships.length > 0 ? staffDashboard(user, now) : null,
    user.volunteerProfile ? volunteerDashboard(user, now) : null,
    user.memberships.length > 0 ? organisationProgress(user) : [],
    dashboardClinics(user, now),
  ]);
  return { staff, volunteering, firstSteps, clinics };
}
