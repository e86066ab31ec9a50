import Link from 'next/link';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { signOutAction } from '@/lib/auth/actions';
import { getCurrentUser, type SessionUser } from '@/lib/auth/session';

/** The site header for this request: where you can go, and who you are signed in as (reads the session). */
export async function SiteHeader() {
  return <SiteHeaderView user={await getCurrentUser()} />;
}

/**
 * The header as a signed-out visitor sees it, for the cached public pages: it reads no cookie, so the
 * page can be rendered once and served to every anonymous visitor (docs/decisions/0013).
 */
export function SignedOutHeader() {
  return <SiteHeaderView user={null} />;
}

/** The header of a person's cached dashboard (docs/decisions/0015): the person comes from the page's key. */
export function SignedInHeader({ user }: { user: HeaderUser }) {
  return <SiteHeaderView user={user} />;
}

type HeaderUser = Pick<SessionUser, 'name' | 'email' | 'role' | 'memberships'>;

function SiteHeaderView({ user }: { user: HeaderUser | null }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-xl font-bold text-brand-800 no-underline hover:text-brand-900">
          HalfHour
        </Link>
        <nav aria-label="Main">
          <ul className="flex flex-wrap items-center gap-x-5 gap-y-1">
            <li>
              <Link href="/asks">Browse asks</Link>
            </li>
            <li>
              <Link href="/clinics">Clinics</Link>
            </li>
            {user ? (
              <>
                <li>
                  <Link href="/dashboard">Dashboard</Link>
                </li>
                {user.memberships.length > 0 ? (
                  <li>
                    <Link href="/my-asks">Your asks</Link>
                  </li>
                ) : null}
                {user.role === 'ADMIN' ? (
                  <li>
                    <Link href="/admin/asks">Admin</Link>
                  </li>
                ) : null}
                <li>
                  <Link href="/account">
                    <span className="sr-only">Your account: </span>
                    {user.name ?? user.email}
                  </Link>
                </li>
                <li>
                  <form action={signOutAction}>
                    <SubmitButton variant="secondary" pendingText="Signing out…">
                      Sign out
                    </SubmitButton>
                  </form>
                </li>
              </>
            ) : (
              <>
                <li>
                  <Link href="/#how-it-works">How it works</Link>
                </li>
                <li>
                  <Link href="/signin">Sign in</Link>
                </li>
              </>
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}
