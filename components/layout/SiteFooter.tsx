import Link from 'next/link';

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-slate-200 bg-slate-50">
      <div className="mx-auto flex max-w-5xl flex-col gap-3 px-4 py-8 text-sm text-slate-700 sm:flex-row sm:justify-between">
        <p>HalfHour: short, specific help from experienced volunteers for small charities across the UK.</p>
        <nav aria-label="Footer">
          <ul className="flex gap-4">
            <li>
              <Link href="/asks">Open asks</Link>
            </li>
            <li>
              <Link href="/#how-it-works">How it works</Link>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
