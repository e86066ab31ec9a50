// Admins find a person by email or name and suspend or reinstate them. A plain GET search and plain
// forms, so it all works without JavaScript; each user's id is bound to the actions here, on the server.
import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminNav } from '@/components/admin/AdminNav';
import { SuspendUserForm } from '@/components/admin/SuspendUserForm';
import { Badge } from '@/components/ui/Badge';
import { EmptyState } from '@/components/ui/EmptyState';
import { FormAlert } from '@/components/ui/fields';
import { Pagination } from '@/components/ui/Pagination';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { auditHref } from '@/lib/audit/schema';
import { requireAdmin } from '@/lib/auth/guards';
import { formatDate } from '@/lib/dates';
import { liftVolunteerPauseAction, reinstateUserAction, suspendUserAction } from '@/lib/moderation/user-actions';
import { listUsers, parseUserListQuery, type AdminUserRow } from '@/lib/moderation/users';

export const metadata: Metadata = { title: 'Users' };

const notices: Record<string, { success?: string; error?: string }> = {
  suspended: { success: 'Account suspended. They are signed out and their waiting offers are withdrawn.' },
  'already-suspended': { error: 'That account was already suspended, perhaps by another admin. Nothing changed.' },
  reinstated: { success: 'Account reinstated. They can sign in again.' },
  unpaused: { success: 'Pause lifted. They can offer to help again.' },
  'not-paused': { success: 'That volunteer was not paused by HalfHour any more.' },
  'already-active': { error: 'That account was already active. Nothing changed.' },
};

type SearchParams = Record<string, string | string[] | undefined>;

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const admin = await requireAdmin('/admin/users');
  const params = await searchParams;
  const query = parseUserListQuery(params);
  const { users, total, page, pageCount } = await listUsers(admin, query);
  const notice = typeof params.notice === 'string' ? notices[params.notice] : undefined;
  // Where the actions send the admin back to: this search and page.
  const returnTo = `?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), ...(page > 1 ? { page: String(page) } : {}) })}`;

  return (
    <div className="space-y-6">
      <AdminNav current="users" />
      <FormAlert success={notice?.success} error={notice?.error} />
      <h1 className="text-3xl font-bold tracking-tight">Users</h1>
      <p className="text-slate-800">
        Suspend someone who breaks the rules: they are signed out everywhere, cannot sign in, and their waiting offers are withdrawn (each
        charity is told), and the sessions they have booked as a volunteer are cancelled, with each charity told.
      </p>
      <form method="get" action="/admin/users" role="search" aria-label="Find users" className="flex flex-wrap items-end gap-4">
        <div className="w-full min-w-0 space-y-1 sm:w-80">
          <label htmlFor="user-search" className="block text-sm font-medium text-slate-900">
            Email or name
          </label>
          <input
            id="user-search"
            name="q"
            type="search"
            defaultValue={query.q}
            maxLength={200}
            className="block w-full rounded-md border border-slate-500 bg-white px-3 py-2 text-slate-900"
          />
        </div>
        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            Search
          </button>
          {query.q ? <Link href="/admin/users">Show everyone</Link> : null}
        </div>
      </form>
      <p role="status" className="text-sm text-slate-700">
        {total === 1 ? '1 person' : `${total} people`}
        {query.q ? ` matching “${query.q}”` : ''}
      </p>
      {users.length === 0 ? (
        <EmptyState title="Nobody matches that search.">Try part of their email address or name.</EmptyState>
      ) : (
        <ul className="space-y-4">
          {users.map((user) => (
            <UserEntry key={user.id} user={user} isSelf={user.id === admin.id} returnTo={returnTo} />
          ))}
        </ul>
      )}
      <Pagination page={page} pageCount={pageCount} basePath="/admin/users" params={{ q: query.q || undefined }} />
    </div>
  );
}

function UserEntry({ user, isSelf, returnTo }: { user: AdminUserRow; isSelf: boolean; returnTo: string }) {
  const label = user.name?.trim() || user.email;
  const roles = [
    user.role === 'ADMIN' ? 'Admin' : null,
    user.volunteerProfile ? 'Volunteer' : null,
    ...user.memberships.map((membership) => `Staff at ${membership.organisation.name}`),
  ].filter(Boolean);
  return (
    <li className="space-y-3 rounded-lg border border-slate-200 p-5">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h2 className="text-xl font-semibold break-words">{label}</h2>
        {user.status === 'SUSPENDED' ? <Badge tone="accent">Suspended</Badge> : <Badge tone="success">Active</Badge>}
      </div>
      <p className="text-sm break-words text-slate-700">
        {user.email} · joined {formatDate(user.createdAt)}
        {roles.length ? ` · ${roles.join(', ')}` : ''}
        {user._count.offers ? ` · ${user._count.offers} waiting ${user._count.offers === 1 ? 'offer' : 'offers'}` : ''}
      </p>
      <p className="flex flex-wrap gap-x-5 gap-y-1 text-sm">
        <Link href={auditHref({ person: user.id })}>
          Audit trail: what they did<span className="sr-only"> ({label})</span>
        </Link>
        <Link href={auditHref({ target: user.id })}>
          Changes to their account<span className="sr-only"> ({label})</span>
        </Link>
      </p>
      {user.volunteerProfile?.pausedReason ? (
        <div className="space-y-2">
          <p className="text-slate-800">{user.volunteerProfile.pausedReason}</p>
          <form action={liftVolunteerPauseAction.bind(null, user.id, returnTo)}>
            <SubmitButton variant="secondary" pendingText="Lifting…">
              Lift the pause<span className="sr-only"> for {label}</span>
            </SubmitButton>
          </form>
        </div>
      ) : null}
      {user.status === 'SUSPENDED' ? (
        <>
          <p className="text-slate-800">
            Suspended {user.suspendedAt ? formatDate(user.suspendedAt) : ''}
            {user.suspendedWhy ? `: ${user.suspendedWhy}` : ''}
          </p>
          {isSelf ? null : (
            <form action={reinstateUserAction.bind(null, user.id, returnTo)}>
              <SubmitButton variant="secondary" pendingText="Reinstating…">
                Reinstate<span className="sr-only"> {label}</span>
              </SubmitButton>
            </form>
          )}
        </>
      ) : isSelf ? (
        <p className="text-sm text-slate-700">This is your account.</p>
      ) : (
        <SuspendUserForm action={suspendUserAction.bind(null, user.id, returnTo)} userId={user.id} userLabel={label} />
      )}
    </li>
  );
}
