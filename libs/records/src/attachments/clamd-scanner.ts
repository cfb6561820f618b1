import { Inject, Injectable, Logger } from '@nestjs/common';
import { connect, Socket } from 'node:net';
import { APP_CONFIG, AppConfig } from '@dh/config';

// What clamd said of a whole stream: clean, or the name of what it found.
export type ScanVerdict = { clean: true } | { clean: false; signature: string };

// One upload streamed to clamd as it arrives (INSTREAM: each chunk as a 4-byte big-endian length and its bytes, a
// zero length to end), so the file is scanned without being kept whole anywhere. `write` waits for the socket to
// drain: a slow scanner slows the upload rather than filling memory.
export type ScanSession = {
  write(chunk: Buffer): Promise<void>;
  finish(): Promise<ScanVerdict>;
  abort(): void;
};

export class ScannerUnavailable extends Error {}

@Injectable()
export class ClamdScanner {
  private readonly logger = new Logger(ClamdScanner.name);

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  // Null: no clamd configured, uploads are not scanned (README: Attachments).
  start(): ScanSession | null {
    const where = this.config.attachments.clamd;
    if (!where) return null;
    const socket: Socket = 'socket' in where ? connect(where.socket) : connect(where.port, where.host);
    socket.setTimeout(this.config.attachments.clamdTimeoutMs);
    let failure: Error | null = null;
    const replied: Buffer[] = [];
    const ended = new Promise<string>((resolve) => {
      socket.on('data', (b: Buffer) => replied.push(b));
      socket.on('close', () => resolve(Buffer.concat(replied).toString('utf8')));
    });
    socket.on('timeout', () => socket.destroy(new Error('clamd timed out')));
    socket.on('error', (e) => {
      failure ??= e;
      this.logger.warn({ msg: 'clamd connection failed', error: e.message });
    });
    const send = (b: Buffer) =>
      new Promise<void>((resolve, reject) => {
        if (failure || socket.destroyed) return reject(new ScannerUnavailable(failure?.message ?? 'clamd closed'));
        socket.write(b, (e) => (e ? reject(new ScannerUnavailable(e.message)) : resolve()));
      });
    const opened = send(Buffer.from('zINSTREAM\0', 'latin1'));
    opened.catch(() => undefined);
    const length = (n: number) => {
      const b = Buffer.alloc(4);
      b.writeUInt32BE(n);
      return b;
    };
    return {
      write: async (chunk) => {
        await opened;
        // clamd may answer early (a stream over its StreamMaxLength) and close: the reply then says why.
        if (replied.length) return;
        await send(Buffer.concat([length(chunk.length), chunk]));
      },
      finish: async () => {
        await opened;
        if (!replied.length) await send(length(0));
        const reply = (await ended).replace(/\0/g, '').trim();
        if (failure && !reply) throw new ScannerUnavailable(failure.message);
        const found = /^stream: (.+) FOUND$/.exec(reply);
        if (found) return { clean: false, signature: found[1] };
        if (reply === 'stream: OK') return { clean: true };
        throw new ScannerUnavailable(`clamd answered "${reply}"`);
      },
      abort: () => socket.destroy(),
    };
  }
}
