import Link from 'next/link';

/** Moves between the admin queues. */
export function AdminNav({ current }: { current: 'asks' | 'organisations' | 'users' | 'emails' }) {
  const links = [
    { id: 'asks', href: '/admin/asks', label: 'Asks to review' },
    { id: 'organisations', href: '/admin/organisations', label: 'Organisations to verify' },
    { id: 'users', href: '/admin/users', label: 'Users' },
    { id: 'emails', href: '/admin/emails', label: 'Emails' },
  ] as const;
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
