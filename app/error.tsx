'use client';

import { DATABASE_BUSY_DIGEST } from '@/lib/database/busy';

// Shown when something unexpected fails while rendering a page. The details are in the server log. When the
// database could not answer (its errors carry the busy digest, lib/database/unavailable.ts), the response is
// a 503 and the page says to try again shortly (docs/decisions/0021).
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const busy = error.digest === DATABASE_BUSY_DIGEST;
  return (
    <div className="max-w-2xl" role="alert">
      <h1 className="text-3xl font-bold tracking-tight">{busy ? 'HalfHour is busy right now' : 'Sorry, something went wrong'}</h1>
      <p className="mt-4 text-slate-800">
        {busy
          ? 'We could not reach our database just now. Nothing you entered has been lost. Please try again in a few seconds.'
          : 'This is our fault, not yours. Nothing you entered has been lost. Please try again in a moment.'}
      </p>
      <button type="button" onClick={reset} className="mt-6 rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
        Try again
      </button>
    </div>
  );
}
