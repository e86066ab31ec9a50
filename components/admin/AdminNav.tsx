import Link from 'next/link';
import { getCurrentUser } from '@/lib/auth/session';
import { countOpenReports } from '@/lib/reports/queries';

/** Moves between the admin queues; Reports says how many are open. */
export async function AdminNav({ current }: { current: 'asks' | 'organisations' | 'users' | 'emails' | 'audit' | 'reports' | 'health' }) {
  const admin = await getCurrentUser();
  const openReports = admin?.role === 'ADMIN' ? await countOpenReports(admin) : 0;
  const links = [
    { id: 'asks', href: '/admin/asks', label: 'Asks to review' },
    { id: 'reports', href: '/admin/reports', label: `Reports (${openReports} open)` },
    { id: 'organisations', href: '/admin/organisations', label: 'Organisations to verify' },
    { id: 'users', href: '/admin/users', label: 'Users' },
    { id: 'emails', href: '/admin/emails', label: 'Emails' },
    { id: 'audit', href: '/admin/audit', label: 'Audit log' },
    { id: 'health', href: '/admin/health', label: 'Health' },
  ];
  return (
    <nav aria-label="Admin" className="border-b border-slate-200 pb-3">
      <ul className="flex flex-wrap gap-x-6 gap-y-2">
        {links.map((link) => (
          <li key={link.id}>
            <Link
              href={link.href}
              aria-current={link.id === current ? 'page' : undefined}
              className={link.id === current ? 'font-semibold no-underline' : undefined}
            >
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
