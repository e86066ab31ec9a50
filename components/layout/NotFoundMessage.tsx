import Link from 'next/link';

/**
 * "We could not find that page", with a way back: the app's not-found page (app/not-found.tsx), and what a
 * cached public page shows for an ask or project that is not public (it renders this itself, with a 404 status,
 * rather than calling notFound(): Next renders that as an empty shell filled in by scripts, and cached pages have none).
 */
export function NotFoundMessage() {
  return (
    <div className="max-w-2xl">
      <h1 className="text-3xl font-bold tracking-tight">We could not find that page</h1>
      <p className="mt-4 text-slate-800">
        The address may be mistyped, or what it showed is no longer there: an ask may have been withdrawn, or still be waiting for review
        (asks are only public once they have been checked).
      </p>
      <p className="mt-4">
        <Link href="/asks">Browse the open asks</Link> or go to the <Link href="/">home page</Link>.
      </p>
    </div>
  );
}
