'use client';

import { DATABASE_BUSY_DIGEST } from '@/lib/database/busy';
import './globals.css';

// Shown when the root layout itself fails (its header reads the session): the same words as app/error.tsx,
// in a page of its own since the layout that would hold them is what failed.
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  const busy = error.digest === DATABASE_BUSY_DIGEST;
  return (
    <html lang="en-GB">
      <body>
        <main className="mx-auto max-w-2xl px-4 py-8" role="alert">
          <h1 className="text-3xl font-bold tracking-tight">{busy ? 'HalfHour is busy right now' : 'Sorry, something went wrong'}</h1>
          <p className="mt-4 text-slate-800">
            {busy
              ? 'We could not reach our database just now. Nothing you entered has been lost. Please try again in a few seconds.'
              : 'This is our fault, not yours. Nothing you entered has been lost. Please try again in a moment.'}
          </p>
          <p className="mt-6">
            {/* A plain link, not the client router: it must work without JavaScript, after a failed render. */}
            <a href="" className="font-semibold text-brand-700 underline">
              Try again
            </a>
          </p>
        </main>
      </body>
    </html>
  );
}
