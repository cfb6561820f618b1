import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, describeFinding } from '@dh/audit';
import { CaseChainVerifier } from '@dh/cases';
import { anchorDigestOf, ReportAnchor } from './report-anchor';

export type BrokenChain = { caseId: string; code: string | null; reason: string };
export type AnchorVerdict = {
  ok: boolean;
  reportId: string | null;
  digest: string;
  // false: the stored anchor no longer hashes to the digest asked about (it was changed), or none has it.
  anchorIntact: boolean;
  checked: number;
  broken: BrokenChain[];
};

const DIGEST = /^[0-9a-f]{64}$/;

// Holds a submitted report's anchor against the chains as they are now: each must still carry, at the anchored
// number, the anchored event, and walk clean from its first event (so what came after vouches for itself).
@Injectable()
export class ReportAnchorService {
  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly audit: AuditService,
    private readonly chains: CaseChainVerifier,
  ) {}

  // By the digest printed on a report (the strong check: the database cannot forge it), or by a report's id
  // (its latest submission, as the database keeps it). Null when nothing matches.
  async verifyAgainst(ref: string): Promise<AnchorVerdict | null> {
    const digest = ref.toLowerCase();
    const rows: { report_id: string; anchor: ReportAnchor; anchor_digest: string }[] = DIGEST.test(digest)
      ? await this.source.query(
          `SELECT report_id, anchor, anchor_digest FROM report_event WHERE anchor_digest = $1 ORDER BY version DESC LIMIT 1`,
          [digest],
        )
      : await this.source.query(
          `SELECT report_id, anchor, anchor_digest FROM report_event
            WHERE report_id = $1 AND anchor IS NOT NULL ORDER BY version DESC LIMIT 1`,
          [digest],
        );
    if (!rows.length) return null;
    return this.verify(rows[0].report_id, rows[0].anchor, rows[0].anchor_digest);
  }

  async verify(reportId: string | null, anchor: ReportAnchor, digest: string): Promise<AnchorVerdict> {
    const anchorIntact = anchorDigestOf(anchor) === digest;
    const broken: BrokenChain[] = [];
    const rows: { id: string; code: string }[] = await this.source.query(
      `SELECT id, code FROM "case" WHERE id = ANY($1)`,
      [anchor.chains.map((c) => c.caseId)],
    );
    const codes = new Map(rows.map((r) => [r.id, r.code]));
    for (const c of anchor.chains) {
      const at = await this.audit.eventAt(c.caseId, c.seq);
      const reasons: string[] = [];
      if (at?.hash !== c.hash)
        reasons.push(
          at
            ? `sự kiện số ${c.seq} không còn là sự kiện đã neo / event ${c.seq} is no longer the anchored one`
            : `không còn sự kiện số ${c.seq} / event ${c.seq} is gone`,
        );
      const verdict = await this.chains.verify(c.caseId);
      reasons.push(...verdict.findings.map(describeFinding));
      if (reasons.length)
        broken.push({ caseId: c.caseId, code: codes.get(c.caseId) ?? null, reason: reasons.join('; ') });
    }
    return {
      ok: anchorIntact && broken.length === 0,
      reportId,
      digest,
      anchorIntact,
      checked: anchor.chains.length,
      broken,
    };
  }
}
