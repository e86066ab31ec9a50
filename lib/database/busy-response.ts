// Status 503 and a "busy, try again" page for a request that failed because the database could not answer
// (docs/decisions/0021). Next renders a failed page with status 500 and has no API for another status, so
// the answer is settled at the HTTP layer: Node announces every request on a diagnostics channel (as for
// lib/auth/peer-address.ts), where each request is given an id header and its response remembered; Next's
// onRequestError (instrumentation.ts) hands over the error and the request's headers, and when the error is
// the database's (marked with the busy digest), the response's 5xx becomes 503 with Retry-After. Nothing is added to a request that succeeds.
//
// What Next sends for a page that failed before its first byte is an empty document that only a browser
// running its scripts turns into the error page. For a document request (a page load, or a form posted
// without JavaScript) that body is replaced by a complete static page saying the same as app/error.tsx, so
// everyone sees it; a client-side navigation or action keeps Next's payload, which app/error.tsx renders.
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BUSY_RETRY_AFTER_SECONDS, DATABASE_BUSY_DIGEST } from './busy';

const REQUEST_ID_HEADER = 'x-halfhour-request-id';

interface Tracked {
  response: ServerResponse;
  /** A page load or a plain form post, not a request from Next's client router (RSC) or a JavaScript action. */
  document: boolean;
}

const inFlight = new Map<string, Tracked>();
const busyResponses = new WeakSet<ServerResponse>();
let tracking = false;
let nextId = 0;

export const BUSY_PAGE = `<!DOCTYPE html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>Busy · HalfHour</title></head>
<body>
<main id="main">
<div role="alert">
<h1>HalfHour is busy right now</h1>
<p>We could not reach our database just now. Nothing you entered has been lost. Please try again in a few seconds.</p>
</div>
<p><a href="">Try again</a></p>
</main>
</body>
</html>
`;

/** Starts remembering each request's response until it closes. Once per process. */
export function trackResponses(): void {
  if (tracking) return;
  tracking = true;
  subscribe('http.server.request.start', (message) => {
    const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
    // Always replaced: a value the client sent must not point at someone else's response.
    const id = String((nextId += 1));
    request.headers[REQUEST_ID_HEADER] = id;
    // Read before Next sees the request (it removes its own headers as it routes).
    const document = request.headers.rsc === undefined && request.headers['next-action'] === undefined;
    inFlight.set(id, { response, document });
    response.once('close', () => inFlight.delete(id));
  });
}

/**
 * Called with every error Next reports for a request. When the database could not answer and the status is
 * not yet sent, the server error Next is about to send goes out as 503 "Service Unavailable" instead.
 */
export function answerBusyIfUnavailable(error: unknown, headers: Record<string, string | string[] | undefined>): void {
  // Only what the database client marked (lib/database/unavailable.ts): a refused connection to anything else is not "busy".
  if ((error as { digest?: unknown } | null)?.digest !== DATABASE_BUSY_DIGEST) return;
  const id = headers[REQUEST_ID_HEADER];
  const tracked = typeof id === 'string' ? inFlight.get(id) : undefined;
  if (!tracked || tracked.response.headersSent || busyResponses.has(tracked.response)) return;
  const { response, document } = tracked;
  busyResponses.add(response);
  const { writeHead, write, end } = response as unknown as Record<'writeHead' | 'write' | 'end', (...args: unknown[]) => unknown>;
  let replacing = false;
  // Next sets the status after reporting the error and sends it through writeHead (Node's implicit header
  // calls it too), so the status is rewritten there; a redirect or a 404 chosen instead stays as it is.
  response.writeHead = function (this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    if (statusCode < 500) return writeHead.call(this, statusCode, ...rest);
    this.setHeader('Retry-After', String(BUSY_RETRY_AFTER_SECONDS));
    if (typeof rest[0] !== 'string') this.statusMessage = 'Service Unavailable';
    if (document) {
      replacing = true;
      for (const name of ['content-length', 'etag', 'content-encoding']) this.removeHeader(name);
      this.setHeader('Content-Type', 'text/html; charset=utf-8');
      this.setHeader('Cache-Control', 'no-store');
      // Headers passed to writeHead itself would describe Next's body.
      const headers = rest.find((value) => typeof value === 'object' && value !== null);
      if (headers && !Array.isArray(headers)) {
        for (const name of Object.keys(headers))
          if (/^(content-length|content-type|etag|content-encoding)$/i.test(name)) delete (headers as Record<string, unknown>)[name];
      }
    }
    return writeHead.call(this, 503, ...rest);
  } as ServerResponse['writeHead'];
  if (!document) return;
  response.write = function (this: ServerResponse, ...args: unknown[]) {
    if (!replacing) return write.apply(this, args) as boolean;
    const callback = args.find((value) => typeof value === 'function') as (() => void) | undefined;
    callback?.();
    return true;
  } as ServerResponse['write'];
  response.end = function (this: ServerResponse, ...args: unknown[]) {
    if (!this.headersSent) this.writeHead(this.statusCode);
    if (!replacing) return end.apply(this, args);
    const callback = args.find((value) => typeof value === 'function');
    return end.call(this, BUSY_PAGE, 'utf8', callback);
  } as ServerResponse['end'];
}
