import { decrypt, encrypt } from '@dh/crypto';

// Files are sealed in chunks of this many bytes, each with its own nonce and tag: a download opens one chunk at a
// time instead of the whole file.
export const CHUNK_BYTES = 64 * 1024;

// The chunk's place is bound to it: which file, which position, and whether it is the last. A chunk moved to
// another file or position, two chunks swapped, or a file cut short after any chunk, no longer opens.
const chunkContext = (attachmentId: string, seq: number, last: boolean) =>
  `case_attachment:${attachmentId}:${seq}:${last ? 'last' : 'more'}`;

export const sealChunk = (key: Buffer, attachmentId: string, seq: number, last: boolean, plain: Buffer): Buffer =>
  encrypt(key, plain, chunkContext(attachmentId, seq, last));

export const openChunk = (key: Buffer, attachmentId: string, seq: number, last: boolean, sealed: Buffer): Buffer =>
  decrypt(key, sealed, chunkContext(attachmentId, seq, last));
