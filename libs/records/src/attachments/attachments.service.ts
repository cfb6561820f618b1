import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import busboy from 'busboy';
import type { Request } from 'express';
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { CaseEntity, CaseRecordWriter, CaseService, ConfidentialAccess } from '@dh/cases';
import { Clock } from '@dh/clock';
import { APP_CONFIG, AppConfig } from '@dh/config';
import { caseScope, FieldCipher, KeyRing } from '@dh/crypto';
import { inTransaction } from '@dh/database';
import { InputValidationException } from '@dh/errors';
import { AlertService } from '@dh/escalations';
import { Caller } from '@dh/identity';
import { CaseRecordException, CaseRecordExceptionCode } from '../case-records/case-record.exception';
import { recordTablesOf } from '../case-records/record-tables';
import { AttachmentException, AttachmentExceptionCode } from './attachment.exception';
import { AttachmentStore, ChunkSink } from './attachment-store';
import { AttachmentKind, CaseAttachment } from './case-attachment.entity';
import { CHUNK_BYTES, openChunk, sealChunk } from './chunk-cipher';
import { ClamdScanner, ScannerUnavailable, ScanSession, ScanVerdict } from './clamd-scanner';
import { CONTENT_TYPES, SNIFF_BYTES, sniffKind } from './file-kind';

const { ATTACHMENT_NOT_FOUND, ALREADY_WITHDRAWN, CONFIDENTIAL_ONLY, CONTENT_SHREDDED, FILE_INFECTED } =
  AttachmentExceptionCode;
const { FILE_TOO_LARGE, FILE_TYPE_NOT_ALLOWED, SCANNER_UNAVAILABLE } = AttachmentExceptionCode;

const notTeam = () => new CaseRecordException(CaseRecordExceptionCode.NOT_CASE_TEAM);
const invalid = (field: string, vi: string, en: string) =>
  new InputValidationException([{ field, problems: [`${vi} / ${en}`] }]);

export const CAPTION_MAX = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const attachmentContext = (column: 'caption' | 'file_name' | 'withdraw_reason') => `case_attachment.${column}`;

export type AttachmentView = {
  id: string;
  caseId: string;
  kind: AttachmentKind;
  uploadedAt: string;
  uploadedBy: string;
  withdrawnAt: string | null;
  // Null for a reader who may not read the case's confidential content: they see that a file exists, not what.
  recordId: string | null;
  caption: string | null;
  fileName: string | null;
  sizeBytes: number | null;
  sha256: string | null;
  withdrawReason: string | null;
  masked: boolean;
};

type StoredFile = { kind: AttachmentKind; fileName: string; sizeBytes: number; sha256: string; chunks: number };
type FileOutcome = { stored: StoredFile } | { refused: AttachmentExceptionCode; verdict?: ScanVerdict };

// Files attached to a case. An upload streams through: each 64 KiB is sealed under the case's data key and written
// to the store as it arrives (AttachmentStore: PostgreSQL in the upload's transaction, or a file under
// ATTACHMENTS_DIR), and, with clamd configured, streamed to it at the same time; the transaction commits only once
// the whole file was recognised, within the limit, and found clean. Nothing is held whole in memory, and nothing of
// a refused file is kept, in either store.
@Injectable()
export class AttachmentsService {
  private readonly logger = new Logger(AttachmentsService.name);

  constructor(
    @InjectDataSource() private readonly source: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly writer: CaseRecordWriter,
    private readonly cases: CaseService,
    private readonly confidential: ConfidentialAccess,
    private readonly cipher: FieldCipher,
    private readonly ring: KeyRing,
    private readonly scanner: ClamdScanner,
    private readonly alerts: AlertService,
    private readonly store: AttachmentStore,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async upload(caller: Caller, caseId: string, req: Request): Promise<AttachmentView> {
    // The right is checked before a byte of the body is read.
    const row = await inTransaction(this.source, (tx) =>
      this.writer.teamCase(tx, caller, caseId, 'record.write', notTeam, false),
    );
    if (!/^multipart\/form-data/i.test(req.headers['content-type'] ?? ''))
      throw invalid('file', 'Cần gửi tệp dạng multipart/form-data', 'send the file as multipart/form-data');
    const qr = this.source.createQueryRunner();
    await qr.connect();
    // Whatever does not end committed leaves nothing in the store: no row, no file.
    let sink: ChunkSink | null = null;
    let committed = false;
    try {
      await qr.startTransaction();
      const key = await this.ring.scopeKey(qr.manager, caseScope(row.id));
      const id = randomUUID();
      sink = this.store.sink(qr.manager, id);
      const chunks = sink;
      const { fields, file } = await this.parse(req, (stream, name) => this.receive(chunks, key.key, id, stream, name));
      if (!file) throw invalid('file', 'Chưa có tệp đính kèm (trường file)', 'no file was sent (field file)');
      const outcome = await file;
      if ('refused' in outcome) {
        await qr.rollbackTransaction();
        await sink.discard();
        if (outcome.verdict && !outcome.verdict.clean) await this.alertInfected(caller, row, outcome.verdict.signature);
        throw new AttachmentException(outcome.refused);
      }
      const caption = (fields.get('caption') ?? '').trim();
      if (!caption) throw invalid('caption', 'Chú thích không được để trống', 'caption must not be empty');
      if (caption.length > CAPTION_MAX)
        throw invalid(
          'caption',
          `Chú thích tối đa ${CAPTION_MAX} ký tự`,
          `caption must be at most ${CAPTION_MAX} characters`,
        );
      const recordId = await this.recordOf(qr.manager, row.id, fields.get('recordId'));
      const now = this.clock.now();
      // Locked now, for the event: the case's sequence numbers stay one at a time.
      await this.writer.teamCase(qr.manager, caller, caseId, 'record.write', notTeam);
      const sealer = await this.cipher.sealer(qr.manager, caseScope(row.id));
      const { stored } = outcome;
      const attachment = qr.manager.getRepository(CaseAttachment).create({
        id,
        caseId: row.id,
        recordId,
        kind: stored.kind,
        caption: sealer.seal(caption, attachmentContext('caption')),
        fileName: sealer.seal(stored.fileName, attachmentContext('file_name')),
        sizeBytes: stored.sizeBytes,
        sha256: stored.sha256,
        dataKeyId: key.id,
        chunks: stored.chunks,
        uploadedBy: caller.id,
        uploadedAt: now,
        withdrawnBy: null,
        withdrawnAt: null,
        withdrawReason: null,
      });
      await qr.manager.getRepository(CaseAttachment).insert(attachment);
      await this.writer.append(qr.manager, caller, row, 'ATTACHMENT_ADDED', now, {
        attachmentId: id,
        recordId,
        kind: stored.kind,
        sizeBytes: stored.sizeBytes,
        sha256: stored.sha256,
        caption,
        fileName: stored.fileName,
        scanned: this.config.attachments.clamd !== null,
      });
      await sink.keep();
      await qr.commitTransaction();
      committed = true;
      return this.view(attachment, false);
    } catch (e) {
      if (qr.isTransactionActive) await qr.rollbackTransaction();
      if (!committed) await sink?.discard();
      throw e;
    } finally {
      await qr.release();
    }
  }

  // Every attachment of the case, oldest first, withdrawn ones included. Their caption, name and withdrawal reason
  // only for a reader of the case's confidential content, and that read is a VIEWED event.
  list(caller: Caller, caseId: string): Promise<AttachmentView[]> {
    return inTransaction(this.source, async (tx) => {
      const row = await this.cases.findVisible(caller, caseId, tx, false, 'record.read');
      const rows = await tx
        .getRepository(CaseAttachment)
        .find({ where: { caseId: row.id }, order: { uploadedAt: 'ASC', id: 'ASC' } });
      const reveal = await this.confidential.mayRead(tx, caller, row);
      if (reveal && rows.length) await this.confidential.recordView(tx, caller, row, ['attachments']);
      return Promise.all(rows.map((a) => this.view(a, reveal)));
    });
  }

  // The file's bytes, opened chunk by chunk as the response is written. The read itself is recorded (VIEWED, naming
  // the file) before the first byte leaves.
  async content(
    caller: Caller,
    caseId: string,
    attachmentId: string,
  ): Promise<{ stream: Readable; type: string; fileName: string; sizeBytes: number }> {
    const { attachment, key, fileName } = await inTransaction(this.source, async (tx) => {
      const row = await this.cases.findVisible(caller, caseId, tx, false, 'record.read');
      const found = await tx.getRepository(CaseAttachment).findOneBy({ id: attachmentId, caseId: row.id });
      if (!found) throw new AttachmentException(ATTACHMENT_NOT_FOUND);
      if (!(await this.confidential.mayRead(tx, caller, row))) throw new AttachmentException(CONFIDENTIAL_ONLY);
      const dataKey = await this.ring.key(found.dataKeyId);
      if (!dataKey) throw new AttachmentException(CONTENT_SHREDDED);
      await this.confidential.recordView(tx, caller, row, ['attachment'], {
        type: 'VIEWED',
        payload: { attachmentId: found.id },
      });
      return {
        attachment: found,
        key: dataKey,
        fileName: await this.cipher.open(found.fileName, attachmentContext('file_name')),
      };
    });
    const sealed = await this.store.open(attachment.id, attachment.chunks);
    return {
      stream: Readable.from(this.chunksOf(attachment, key, sealed)),
      type: CONTENT_TYPES[attachment.kind],
      fileName,
      sizeBytes: attachment.sizeBytes,
    };
  }

  // Withdrawn, not deleted: the file stays listed with the reason, for the inspector.
  withdraw(caller: Caller, caseId: string, attachmentId: string, reason: string): Promise<AttachmentView> {
    return inTransaction(this.source, async (tx) => {
      const row = await this.writer.teamCase(tx, caller, caseId, 'record.write', notTeam);
      const found = await tx
        .getRepository(CaseAttachment)
        .createQueryBuilder('a')
        .setLock('pessimistic_write')
        .where('a.id = :attachmentId AND a.case_id = :caseId', { attachmentId, caseId: row.id })
        .getOne();
      if (!found) throw new AttachmentException(ATTACHMENT_NOT_FOUND);
      if (found.withdrawnAt) throw new AttachmentException(ALREADY_WITHDRAWN);
      const now = this.clock.now();
      const sealer = await this.cipher.sealer(tx, caseScope(row.id));
      found.withdrawnAt = now;
      found.withdrawnBy = caller.id;
      found.withdrawReason = sealer.seal(reason.trim(), attachmentContext('withdraw_reason'));
      await tx
        .getRepository(CaseAttachment)
        .update({ id: found.id }, { withdrawnAt: now, withdrawnBy: caller.id, withdrawReason: found.withdrawReason });
      await this.writer.append(tx, caller, row, 'ATTACHMENT_WITHDRAWN', now, {
        attachmentId: found.id,
        sha256: found.sha256,
        reason: reason.trim(),
      });
      return this.view(found, false);
    });
  }

  private async *chunksOf(a: CaseAttachment, key: Buffer, chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    let seq = 0;
    for await (const sealed of chunks) {
      yield openChunk(key, a.id, seq, seq === a.chunks - 1, sealed);
      seq += 1;
    }
    if (seq !== a.chunks) throw new Error(`attachment ${a.id}: ${a.chunks - seq} chunks missing`);
  }

  private parse(
    req: Request,
    onFile: (stream: Readable & { truncated?: boolean }, fileName: string) => Promise<FileOutcome>,
  ): Promise<{ fields: Map<string, string>; file: Promise<FileOutcome> | null }> {
    return new Promise((resolve, reject) => {
      let parser: ReturnType<typeof busboy>;
      try {
        parser = busboy({
          headers: req.headers,
          defParamCharset: 'utf8',
          limits: { files: 1, fields: 10, fieldSize: 8 * 1024, fileSize: this.config.attachments.maxBytes + 1 },
        });
      } catch {
        return reject(invalid('file', 'Nội dung multipart không hợp lệ', 'malformed multipart body'));
      }
      const fields = new Map<string, string>();
      let file: Promise<FileOutcome> | null = null;
      parser.on('field', (name, value) => fields.set(name, value));
      parser.on('file', (name, stream, info) => {
        if (name !== 'file' || file) return void stream.resume();
        file = onFile(stream, info.filename || 'tep');
        // Awaited after the body ends; a failure meanwhile must not go unhandled.
        file.catch(() => undefined);
      });
      parser.on('error', () => reject(invalid('file', 'Nội dung multipart không hợp lệ', 'malformed multipart body')));
      parser.on('close', () => resolve({ fields, file }));
      req.pipe(parser);
    });
  }

  // Reads the whole stream whatever happens (busboy waits for it), sealing and storing it while it is acceptable.
  private async receive(
    sink: ChunkSink,
    key: Buffer,
    attachmentId: string,
    stream: Readable & { truncated?: boolean },
    fileName: string,
  ): Promise<FileOutcome> {
    const hash = createHash('sha256');
    let scan: ScanSession | null = this.scanner.start();
    let pending: Buffer = Buffer.alloc(0);
    let size = 0;
    let seq = 0;
    let kind: AttachmentKind | null = null;
    let refused: AttachmentExceptionCode | null = null;
    let failure: Error | null = null;
    const store = async (plain: Buffer, last: boolean) => {
      await sink.write(seq, sealChunk(key, attachmentId, seq, last, plain));
      seq += 1;
    };
    try {
      for await (const data of stream as AsyncIterable<Buffer>) {
        if (refused || failure) continue;
        try {
          size += data.length;
          // busboy stops at one byte over the limit (it marks a file of exactly fileSize bytes as cut short).
          if (size > this.config.attachments.maxBytes) {
            refused = FILE_TOO_LARGE;
            continue;
          }
          hash.update(data);
          await scan?.write(data);
          pending = pending.length ? Buffer.concat([pending, data]) : data;
          if (kind === null && pending.length >= SNIFF_BYTES) {
            kind = sniffKind(pending);
            if (!kind) refused = FILE_TYPE_NOT_ALLOWED;
          }
          // One full chunk is held back until more follows: the last chunk is sealed as the last.
          while (!refused && kind && pending.length > CHUNK_BYTES) {
            await store(pending.subarray(0, CHUNK_BYTES), false);
            pending = Buffer.from(pending.subarray(CHUNK_BYTES));
          }
        } catch (e) {
          failure = e instanceof Error ? e : new Error(String(e));
        }
      }
      if (failure) throw failure;
      if (stream.truncated) refused ??= FILE_TOO_LARGE;
      if (!refused && kind === null) kind = sniffKind(pending);
      if (!refused && (kind === null || size === 0)) refused = FILE_TYPE_NOT_ALLOWED;
      if (refused) return { refused };
      await store(pending, true);
      const verdict = scan ? await scan.finish() : { clean: true as const };
      scan = null;
      if (!verdict.clean) return { refused: FILE_INFECTED, verdict };
      return {
        stored: { kind: kind as AttachmentKind, fileName, sizeBytes: size, sha256: hash.digest('hex'), chunks: seq },
      };
    } catch (e) {
      if (e instanceof ScannerUnavailable) {
        this.logger.error({ msg: 'upload not stored: clamd unavailable', error: e.message });
        return { refused: SCANNER_UNAVAILABLE };
      }
      throw e;
    } finally {
      scan?.abort();
    }
  }

  // The record named must be one of this case's.
  private async recordOf(tx: EntityManager, caseId: string, raw: string | undefined): Promise<string | null> {
    const id = raw?.trim();
    if (!id) return null;
    const problem = () =>
      invalid('recordId', 'Không có hồ sơ ghi chép này trong trường hợp', 'no such record on this case');
    if (!UUID.test(id)) throw problem();
    if (!(await recordTablesOf(tx, caseId, [id])).size) throw problem();
    return id;
  }

  // The refusal is stored apart from the upload (rolled back): the administrators (who look after the server and
  // its scanner) and the school's supervisors (who know the uploader) are alerted, and the log carries it.
  private async alertInfected(caller: Caller, row: CaseEntity, signature: string): Promise<void> {
    this.logger.warn({ msg: 'upload refused: malware found', caseId: row.id, userId: caller.id, signature });
    await inTransaction(this.source, (tx) =>
      this.alerts.raiseForCase(tx, { caseId: row.id, schoolId: row.schoolId, code: row.code }, this.clock.now(), {
        level: 'malware_refused',
        to: ['admins', 'supervisors'],
        subject: 'Đồng Hành: tệp đính kèm chứa mã độc',
        text: (school) => [
          `Tệp tải lên hồ sơ ${row.code} bị từ chối vì chứa mã độc (${signature}) — ${school}`,
          `A file uploaded to case ${row.code} was refused: malware found (${signature}) — ${school}`,
        ],
      }),
    );
  }

  private async view(a: CaseAttachment, reveal: boolean): Promise<AttachmentView> {
    const open = async (value: string | null, column: Parameters<typeof attachmentContext>[0]) =>
      value === null || !reveal ? null : this.cipher.open(value, attachmentContext(column));
    return {
      id: a.id,
      caseId: a.caseId,
      kind: a.kind,
      uploadedAt: a.uploadedAt.toISOString(),
      uploadedBy: a.uploadedBy,
      withdrawnAt: a.withdrawnAt?.toISOString() ?? null,
      recordId: reveal ? a.recordId : null,
      caption: await open(a.caption, 'caption'),
      fileName: await open(a.fileName, 'file_name'),
      sizeBytes: reveal ? a.sizeBytes : null,
      sha256: reveal ? a.sha256 : null,
      withdrawReason: await open(a.withdrawReason, 'withdraw_reason'),
      masked: !reveal,
    };
  }
}
