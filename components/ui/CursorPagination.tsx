import Link from 'next/link';

/**
 * First / previous / next / last links for a list paged by cursor: there are no page numbers, so a new
 * row never shifts what the next page shows. A link is left out where there is nowhere to go. Plain
 * links: they work without JavaScript.
 */
export function CursorPagination({
  first,
  previous,
  next,
  last,
  label = 'Pages',
}: {
  first?: string;
  previous?: string;
  next?: string;
  last?: string;
  label?: string;
}) {
  if (!previous && !next) return null;
  const link = 'inline-block rounded-md px-2 py-1';
  return (
    <nav aria-label={label} className="mt-8 border-t border-slate-200 pt-4">
      <ul className="flex flex-wrap items-center justify-between gap-x-6 gap-y-2">
        <li className="flex flex-wrap gap-x-4">
          {first ? (
            <Link href={first} className={link}>
              « First page
            </Link>
          ) : null}
          {previous ? (
            <Link href={previous} rel="prev" className={link}>
              ‹ Previous page
            </Link>
          ) : null}
        </li>
        <li className="flex flex-wrap gap-x-4">
          {next ? (
            <Link href={next} rel="next" className={link}>
              Next page ›
            </Link>
          ) : null}
          {last ? (
            <Link href={last} className={link}>
              Last page »
            </Link>
          ) : null}
        </li>
      </ul>
    </nav>
  );
}
