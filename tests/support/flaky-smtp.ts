// A real SMTP server (smtp-server) whose behaviour a test switches while mail is being sent:
//   ok        accepts and keeps every message
//   refuse    not listening: connections are refused by the operating system
//   tempfail  answers 451 (try again later) to every message
//   hang      accepts the connection and the message, then never answers
import type { AddressInfo, Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type SmtpMode = 'ok' | 'refuse' | 'tempfail' | 'hang';

export interface ReceivedEmail {
  to: string[];
  messageId: string;
  subject: string;
  raw: string;
}

export interface FlakySmtp {
  url: string;
  received: ReceivedEmail[];
  /** How many times each Message-ID arrived. */
  countsById(): Map<string, number>;
  setMode(mode: SmtpMode): Promise<void>;
  close(): Promise<void>;
}

function header(raw: string, name: string): string {
  const match = raw.match(new RegExp(`^${name}:\\s*(.*(?:\\r?\\n[ \\t].*)*)`, 'im'));
  return match ? match[1]!.replace(/\r?\n[ \t]+/g, ' ').trim() : '';
}

export async function startFlakySmtp(initial: SmtpMode = 'ok'): Promise<FlakySmtp> {
  let mode: SmtpMode = initial;
  const received: ReceivedEmail[] = [];
  const sockets = new Set<Socket>();
  const hungSessions: Record<string, boolean> = {};
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // The server must not wait for hung clients when the test closes it.
    closeTimeout: 100,
    onMailFrom(_address, session, callback) {
      // A message is handled in the mode it started in: one that began while the server hung stays hung.
      hungSessions[session.id] = mode === 'hang';
      if (mode === 'tempfail') {
        const error = Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 });
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (hungSessions[session.id]) return; // never answers: the sender's socket timeout decides
        if (mode === 'tempfail') return callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          messageId: header(raw, 'Message-ID'),
          subject: header(raw, 'Subject'),
          raw,
        });
        callback();
      });
    },
  });
  server.server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const listen = (port: number) => new Promise<void>((resolve) => server.server.listen(port, '127.0.0.1', () => resolve()));
  const stopListening = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.server.close(() => resolve());
    });

  await listen(0);
  const port = (server.server.address() as AddressInfo).port;
  if (initial === 'refuse') await stopListening();

  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    countsById() {
      const counts = new Map<string, number>();
      for (const email of received) counts.set(email.messageId, (counts.get(email.messageId) ?? 0) + 1);
      return counts;
    },
    async setMode(next) {
      const wasListening = mode !== 'refuse';
      mode = next;
      if (next === 'refuse' && wasListening) await stopListening();
      if (next !== 'refuse' && !wasListening) await listen(port);
    },
    async close() {
      if (mode !== 'refuse') await stopListening();
    },
  };
}
