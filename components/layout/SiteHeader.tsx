import Link from 'next/link';

export function SiteHeader() {
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
              <Link href="/#how-it-works">How it works</Link>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
