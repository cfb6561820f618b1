import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { EntityManager } from 'typeorm';
import { CASE_CHAIN_HEADS } from '@dh/audit';

export const ANCHOR_FORMAT = 'dong-hanh-report-anchor/1';

// The head of one case chain of the school when the report was submitted.
export type AnchoredChain = { caseId: string; seq: number; hash: string };
export type ReportAnchor = { format: string; schoolId: string; takenAt: string; chains: AnchoredChain[] };

// SHA-256 of the anchor's RFC 8785 canonical JSON: the digest printed on the report's last page. Whoever holds
// the paper can later check that every chain still extends its anchored head, whatever the database now says.
export const anchorDigestOf = (anchor: ReportAnchor): string => {
  const canonical = canonicalize(anchor);
  if (canonical === undefined) throw new Error('report anchor is not serialisable');
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
};

// Under the transaction that submits: the heads are those the submission saw.
export const captureAnchor = async (tx: EntityManager, schoolId: string, at: Date): Promise<ReportAnchor> => {
  const chains: AnchoredChain[] = await tx.query(
    `SELECT h.case_id AS "caseId", h.seq, h.hash FROM ${CASE_CHAIN_HEADS} h JOIN "case" c ON c.id = h.case_id
      WHERE c.school_id = $1 ORDER BY h.case_id`,
    [schoolId],
  );
  return { format: ANCHOR_FORMAT, schoolId, takenAt: at.toISOString(), chains };
};
