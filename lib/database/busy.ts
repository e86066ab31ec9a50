// The mark a "the database could not answer" error carries to the error pages. Next sends a server error's
// digest to the browser (its message is hidden in production), and keeps a digest the error already has, so
// app/error.tsx and app/global-error.tsx can tell "busy, try again" from "something went wrong".
// No server imports: the error pages are client components.
export const DATABASE_BUSY_DIGEST = 'halfhour-database-busy';

/** How long the busy page asks a client to wait before trying again (Retry-After, in seconds). */
export const BUSY_RETRY_AFTER_SECONDS = 5;
