// "Asks | Clinics": the two public lists side by side, as plain links so they work without JavaScript. The
// current one is marked for assistive technology with aria-current.
import Link from 'next/link';

const TABS = [
  { key: 'asks', href: '/asks', label: 'Asks' },
  { key: 'clinics', href: '/clinics', label: 'Clinics' },
] as const;

export function ListTabs({ current }: { current: (typeof TABS)[number]['key'] }) {
  return (
    <nav aria-label="What to browse" className="mb-6 border-b border-slate-300">
      <ul className="flex gap-1">
        {TABS.map((tab) => {
          const active = tab.key === current;
          return (
            <li key={tab.key}>
              <Link
                href={tab.href}
                aria-current={active ? 'page' : undefined}
                className={`-mb-px inline-block border-b-4 px-4 py-2 font-semibold no-underline ${
                  active ? 'border-brand-700 text-slate-900' : 'border-transparent text-brand-800 hover:border-slate-400'
                }`}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
