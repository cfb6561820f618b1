import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import {
  AdminAuditService,
  AuditService,
  CASE_CHAIN_HEADS,
  ChainFinding,
  ChainHead,
  checkpointFinding,
} from '@dh/audit';
import { Clock } from '@dh/clock';
import { APP_CONFIG, AppConfig } from '@dh/config';
import { inTransaction } from '@dh/database';
import { CheckpointException, CheckpointExceptionCode } from './checkpoint.exception';
import { AuditCheckpoint, AuditCheckpointChain } from './checkpoint.entity';
import {
  CHECKPOINT_FORMAT,
  CheckpointBody,
  CheckpointChain,
  CheckpointDocument,
  digestOf,
} from './checkpoint-document';
import { CheckpointSigner } from './checkpoint-signer';

export type CheckpointTaken =
  { taken: true; document: CheckpointDocument; file: string } | { taken: false; latest: number | null };

// A chain's findings against one checkpoint: `admin` for the admin chain.
export type CheckpointComparison = { chain: string; findings: ChainFinding[] };

const sameHead = (a: ChainHead | null, b: ChainHead | null): boolean => a?.seq === b?.seq && a?.hash === b?.hash;

@Injectable()
export class CheckpointService {
  private readonly logger = new Logger(CheckpointService.name);

  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly audit: AuditService,
    private readonly adminChain: AdminAuditService,
    private readonly signer: CheckpointSigner,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // Signs the heads of every chain whose head no checkpoint holds yet, with the admin chain's head. When no
  // chain moved and the admin head is the one signed last, nothing is written: the latest file still holds.
  // Instances take turns on an advisory lock, so two schedulers never sign the same number.
  take(): Promise<CheckpointTaken> {
    return inTransaction(this.source, async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('dong-hanh:audit-checkpoint'))`);
      const last = await tx.getRepository(AuditCheckpoint).findOne({ where: {}, order: { number: 'DESC' } });
      const chains: CheckpointChain[] = (
        await tx.query(
          `SELECT h.case_id AS "caseId", h.seq, h.hash FROM ${CASE_CHAIN_HEADS} h
            WHERE NOT EXISTS (SELECT 1 FROM audit_checkpoint_chain k WHERE k.case_id = h.case_id AND k.seq = h.seq AND k.hash = h.hash)
            ORDER BY h.case_id`,
        )
      ).map((r: CheckpointChain) => ({ caseId: r.caseId, seq: r.seq, hash: r.hash }));
      const head = await this.adminChain.head(tx);
      const admin = head ? { seq: head.seq, hash: head.hash } : null;
      if (chains.length === 0 && sameHead(admin, last?.document.admin ?? null))
        return { taken: false, latest: last?.number ?? null };

      const body: CheckpointBody = {
        format: CHECKPOINT_FORMAT,
        number: (last?.number ?? 0) + 1,
        takenAt: this.clock.now().toISOString(),
        previousDigest: last?.digest ?? null,
        admin,
        chains,
      };
      const digest = digestOf(body);
      const document: CheckpointDocument = {
        ...body,
        digest,
        publicKey: this.signer.publicKeyDer.toString('base64'),
        keyFingerprint: this.signer.fingerprint,
        signature: this.signer.signDigest(digest),
      };
      const fileName = `checkpoint-${String(body.number).padStart(6, '0')}-${body.takenAt.replace(/[-:.]/g, '')}.json`;
      const saved = await tx.getRepository(AuditCheckpoint).save({
        number: body.number,
        takenAt: new Date(body.takenAt),
        digest,
        keyFingerprint: this.signer.fingerprint,
        fileName,
        document,
      });
      for (let i = 0; i < chains.length; i += 1000) {
        await tx
          .getRepository(AuditCheckpointChain)
          .insert(chains.slice(i, i + 1000).map((c) => ({ ...c, checkpointId: saved.id })));
      }
      // Written before the commit: a file whose row did not commit is still a true statement of the heads.
      mkdirSync(this.config.checkpointDir, { recursive: true });
      const file = join(this.config.checkpointDir, fileName);
      writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`, { flag: 'wx' });
      this.logger.log({ msg: 'audit checkpoint signed', number: body.number, chains: chains.length, file });
      return { taken: true, document, file };
    });
  }

  async latest(): Promise<CheckpointDocument> {
    const last = await this.source.getRepository(AuditCheckpoint).findOne({ where: {}, order: { number: 'DESC' } });
    if (!last) throw new CheckpointException(CheckpointExceptionCode.NO_CHECKPOINT);
    return last.document;
  }

  // Every chain a checkpoint signed must still carry, at the number it had then, the event it had then (the
  // chain's own walk vouches for what came after). Only the chains named in `caseIds`, when given.
  async compare(document: CheckpointDocument, caseIds?: string[]): Promise<CheckpointComparison[]> {
    const out: CheckpointComparison[] = [];
    for (const c of document.chains) {
      if (caseIds && !caseIds.includes(c.caseId)) continue;
      out.push({
        chain: c.caseId,
        findings: checkpointFinding(c, await this.audit.eventAt(c.caseId, c.seq), document.number),
      });
    }
    if (document.admin && !caseIds) {
      out.push({
        chain: 'admin',
        findings: checkpointFinding(document.admin, await this.adminChain.eventAt(document.admin.seq), document.number),
      });
    }
    return out;
  }
}
