// How long an approval takes to reach the anonymous pages of npm run bench:load -- --writes=N: the ask's own
// page and the unfiltered list, each first fetched (and so cached: a "not found", a list without it) before the
// ask is approved, then polled until both show it.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

/** An approval not shown by then is recorded as not shown (null) and the probe moves on. */
export const FRESHNESS_TIMEOUT_MS = 10_000;
export const FRESHNESS_POLL_MS = 100;
const agent = new http.Agent({ keepAlive: true });

/** A GET as a page load: node:http, not fetch, whose `Sec-Fetch-Mode: cors` the proxy renders per request. */
function get(url: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    http
      .get(url, { agent }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      })
      .on('error', reject);
  });
}

/**
 * Primes both pages, runs `approve` and, if it wrote, polls until /asks/<id> answers 200 and /asks links to
 * it. Pushes the lag in ms from the approval's commit into `lags` (null when not shown within the timeout).
 */
export async function probeFreshness(origin: string, askId: string, approve: () => Promise<boolean>, lags: (number | null)[]) {
  const askUrl = `${origin}/asks/${askId}`;
  const link = `href="/asks/${askId}"`;
  await get(askUrl);
  await get(`${origin}/asks`);
  if (!(await approve())) return;
  const approved = performance.now();
  let pageShows = false;
  let listShows = false;
  while (performance.now() - approved < FRESHNESS_TIMEOUT_MS) {
    pageShows ||= (await get(askUrl)).status === 200;
    listShows ||= (await get(`${origin}/asks`)).body.includes(link);
    if (pageShows && listShows) return void lags.push(performance.now() - approved);
    await sleep(FRESHNESS_POLL_MS);
  }
  lags.push(null);
}
