'use client';

// Shown when something unexpected fails while rendering a page. The details are in the server log.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="max-w-2xl" role="alert">
      <h1 className="text-3xl font-bold tracking-tight">Sorry, something went wrong</h1>
      <p className="mt-4 text-slate-800">This is our fault, not yours. Nothing you entered has been lost. Please try again in a moment.</p>
      <button type="button" onClick={reset} className="mt-6 rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
        Try again
      </button>
    </div>
  );
}
