import { AddressInfo } from 'node:net';
import { SMTPServer, SMTPServerDataStream, SMTPServerSession } from 'smtp-server';

export type ReceivedMail = {
  from: string;
  to: string[];
  raw: string;
  messageId: string | null;
  secure: boolean;
  user: string | undefined;
};

// What the server does with the next messages: accept them, or one of the faults a real mail server shows.
export type SmtpFault =
  { kind: 'none' } | { kind: 'reply'; code: 421 | 451 | 550; to?: string } | { kind: 'closeMidData' };

export type SmtpTestServer = {
  url: string;
  received: ReceivedMail[];
  fault: SmtpFault;
  // Stops listening (connections refused) until `start`, on the same port.
  stop: () => Promise<void>;
  start: () => Promise<void>;
  close: () => Promise<void>;
};

const USER = 'dong-hanh';
const PASS = 'mat-khau-smtp';

const replyError = (code: number): Error & { responseCode: number } =>
  Object.assign(new Error(code === 550 ? 'Mailbox unavailable' : 'Try again later'), { responseCode: code });

const header = (raw: string, name: string): string | null =>
  new RegExp(`^${name}:\\s*(.+)$`, 'im').exec(raw.split(/\r?\n\r?\n/)[0])?.[1].trim() ?? null;

// A real SMTP server on a loopback port (the nodemailer project's smtp-server), with STARTTLS on its built-in
// self-signed certificate and a password: what the tests send to, and read back.
export const startSmtpTestServer = async (): Promise<SmtpTestServer> => {
  const state: Pick<SmtpTestServer, 'received' | 'fault'> = { received: [], fault: { kind: 'none' } };
  let server: SMTPServer;
  let port = 0;
  const make = () =>
    new SMTPServer({
      authOptional: false,
      // A stop is a crash of the server, not a courteous shutdown that waits 30 s for its clients.
      closeTimeout: 10,
      disabledCommands: [],
      logger: false,
      onAuth: (auth, _session, cb) =>
        auth.username === USER && auth.password === PASS ? cb(null, { user: USER }) : cb(new Error('bad login')),
      onRcptTo: (address, _session, cb) => {
        const f = state.fault;
        if (f.kind === 'reply' && (!f.to || f.to === address.address)) return cb(replyError(f.code));
        cb();
      },
      onData: (stream: SMTPServerDataStream, session: SMTPServerSession, cb) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => {
          chunks.push(c);
          if (state.fault.kind === 'closeMidData')
            for (const c2 of server.connections) if (c2.session.id === session.id) c2.close();
        });
        stream.on('end', () => {
          if (state.fault.kind === 'closeMidData') return;
          const raw = Buffer.concat(chunks).toString('utf8');
          state.received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
            messageId: header(raw, 'Message-ID'),
            secure: session.secure,
            user: typeof session.user === 'string' ? session.user : undefined,
          });
          cb();
        });
      },
    });
  let running = false;
  // Idempotent both ways, so a test's cleanup can restart a server whether or not the test stopped it.
  const listen = async () => {
    if (running) return;
    running = true;
    server = make();
    server.on('error', () => undefined);
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  };
  await listen();
  const stop = async () => {
    if (!running) return;
    running = false;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return {
    url: `smtp://${USER}:${PASS}@127.0.0.1:${port}`,
    get received() {
      return state.received;
    },
    get fault() {
      return state.fault;
    },
    set fault(f: SmtpFault) {
      state.fault = f;
    },
    stop,
    start: listen,
    close: stop,
  };
};
