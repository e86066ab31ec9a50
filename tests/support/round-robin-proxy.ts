// A reverse proxy in front of several app servers, as the README's nginx example is: it keeps the Host the
// browser used, appends the client's address to X-Forwarded-For and says the scheme in X-Forwarded-Proto.
// Unlike nginx it alternates strictly: each signed-in person's requests (told apart by their session cookie)
// go to the servers in turn, so consecutive steps of one journey land on different servers. It records where
// each request went, and says so in an X-Upstream response header (the server's index) for the tests.
import { Agent, createServer, request as forward, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** next-auth's session cookie, plain and behind https. */
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token=([^;]+)/;

/** Hop-by-hop headers: they describe one connection, so a proxy never passes them on. */
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'upgrade'];

export interface ProxiedRequest {
  /** The index of the server that was sent the request. */
  server: number;
  method: string;
  path: string;
  /** The session token the request carried, if any. */
  session: string | null;
  status?: number;
}

export interface RoundRobinProxy {
  url: string;
  port: number;
  requests: ProxiedRequest[];
  /** How many requests carrying this session token each server was sent, by server index. */
  countsFor(session: string): number[];
  close(): Promise<void>;
}

function withoutHopByHop(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const kept = { ...headers };
  for (const name of HOP_BY_HOP) delete kept[name];
  return kept;
}

export async function startRoundRobinProxy(upstreams: string[]): Promise<RoundRobinProxy> {
  const targets = upstreams.map((upstream) => new URL(upstream));
  // Kept-alive connections to each server, as nginx's `keepalive` in an upstream block.
  const agents = targets.map(() => new Agent({ keepAlive: true, maxSockets: 32 }));
  const requests: ProxiedRequest[] = [];
  const turns = new Map<string, number>();

  const server = createServer((incoming, outgoing) => {
    const session = incoming.headers.cookie?.match(SESSION_COOKIE)?.[1] ?? null;
    // Signed out, requests share one turn; each session has a turn of its own.
    const key = session ?? '';
    const turn = turns.get(key) ?? 0;
    turns.set(key, turn + 1);
    const index = turn % targets.length;
    const target = targets[index]!;
    const record: ProxiedRequest = { server: index, method: incoming.method ?? 'GET', path: incoming.url ?? '/', session };
    requests.push(record);

    const headers = withoutHopByHop(incoming.headers);
    // $proxy_add_x_forwarded_for: what the client sent, then the address this proxy saw.
    const peer = incoming.socket.remoteAddress ?? '';
    headers['x-forwarded-for'] = incoming.headers['x-forwarded-for'] ? `${String(incoming.headers['x-forwarded-for'])}, ${peer}` : peer;
    headers['x-forwarded-proto'] = 'http';

    const upstream = forward(
      { host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers, agent: agents[index] },
      (answer) => {
        record.status = answer.statusCode;
        outgoing.writeHead(answer.statusCode ?? 502, { ...withoutHopByHop(answer.headers), 'x-upstream': String(index) });
        answer.pipe(outgoing);
      },
    );
    upstream.on('error', (error) => {
      record.status = 502;
      if (!outgoing.headersSent) outgoing.writeHead(502, { 'content-type': 'text/plain', 'x-upstream': String(index) });
      outgoing.end(`Bad gateway: ${error.message}`);
    });
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    countsFor(session) {
      const counts = targets.map(() => 0);
      for (const request of requests) if (request.session === session) counts[request.server]! += 1;
      return counts;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agents.forEach((agent) => agent.destroy());
    },
  };
}
