// Records each request's socket address in a header before Next sees the request (the why is in
// client-address.ts). Node publishes every incoming request on this diagnostics channel just before the
// server's 'request' event, so one subscription covers every request, however Next routes it.
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { PEER_ADDRESS_HEADER } from './client-address';

let recording = false;

export function recordPeerAddresses(): void {
  if (recording) return;
  recording = true;
  subscribe('http.server.request.start', (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    // Always replace: a copy the client sent must never survive. A socket already closed has no address.
    if (socket.remoteAddress) request.headers[PEER_ADDRESS_HEADER] = socket.remoteAddress;
    else delete request.headers[PEER_ADDRESS_HEADER];
  });
}
