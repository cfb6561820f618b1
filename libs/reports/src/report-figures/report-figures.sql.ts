// The SQL behind a report's figures. Every query takes $1 the school, $2 and $3 the period's first and last
// instant, and reaches the trail, deadlines and referrals through the school's cases (their indexes are by case).
// Counts and instants come back, never a case id, a name or a note.

const RISKS = `ARRAY['low', 'medium', 'high', 'critical']`;

// The grade is the leading number 1–12 of the class name ("6A1", "Lớp 7A2"); anything else is unknown.
export const GRADE_PATTERN = '(?i)^\\s*(?:lớp\\s*)?(1[0-2]|[1-9])(?![0-9])';

// Cases opened in the period, counted per content area ('*' for all) and per dimension. The highest risk is the
// highest the trail gave up to the period's end: at opening, on assessment, by UPDATE_RISK, or critical by a
// protection concern with the carer suspected. $4: GRADE_PATTERN.
export const OPENED_SQL = `
WITH opened AS (
  SELECT c.id, c.areas, c.channel, o.payload->>'riskLevel' AS risk_open,
         coalesce(l.sex, 'unknown') AS sex,
         coalesce(substring(l.class_name from $4), 'unknown') AS grade,
         (SELECT (${RISKS})[max(array_position(${RISKS},
                   CASE WHEN e.type <> 'RAISE_PROTECTION_CONCERN' THEN e.payload->>'riskLevel'
                        WHEN e.payload->>'carerSuspected' = 'true' THEN 'critical' END))]
            FROM audit_event e
           WHERE e.case_id = c.id AND e.at <= $3
             AND e.type IN ('CASE_OPENED', 'COMPLETE_ASSESSMENT', 'UPDATE_RISK', 'RAISE_PROTECTION_CONCERN')) AS risk_max
    FROM "case" c
    JOIN audit_event o ON o.case_id = c.id AND o.type = 'CASE_OPENED'
    LEFT JOIN learner l ON l.id = c.learner_id
   WHERE c.school_id = $1 AND c.created_at BETWEEN $2 AND $3
)
SELECT a.area, d.dim, d.key, count(DISTINCT o.id)::int AS n
  FROM opened o
 CROSS JOIN LATERAL (VALUES ('total', 'all'), ('channel', o.channel), ('riskAtOpening', o.risk_open),
                            ('highestRisk', o.risk_max), ('grade', o.grade), ('sex', o.sex)) AS d(dim, key)
 CROSS JOIN LATERAL (SELECT '*' AS area UNION SELECT x->>'code' FROM jsonb_array_elements(o.areas) x) AS a
 GROUP BY 1, 2, 3`;

// Cases whose last entry into closed within the period falls in it, with the way they got there: a referral since
// the case was last reopened makes it referred-and-closed; else the event that began the closure says which.
export const CLOSED_SQL = `
WITH closing AS (
  SELECT DISTINCT ON (c.id) c.id, c.created_at, e.seq, e.at
    FROM "case" c JOIN audit_event e ON e.case_id = c.id
   WHERE c.school_id = $1 AND e.at BETWEEN $2 AND $3
     AND split_part(e.to_state, '.', 1) = 'closed' AND split_part(coalesce(e.from_state, ''), '.', 1) <> 'closed'
   ORDER BY c.id, e.seq DESC
)
SELECT k.created_at AS opened_at, k.at AS closed_at,
       CASE WHEN EXISTS (
              SELECT 1 FROM audit_event r
               WHERE r.case_id = k.id AND r.type = 'REFER' AND r.seq < k.seq
                 AND r.seq > coalesce((SELECT max(x.seq) FROM audit_event x
                                        WHERE x.case_id = k.id AND x.type = 'REOPEN' AND x.seq < k.seq), 0))
            THEN 'referred_and_closed'
            ELSE coalesce((SELECT CASE s.type WHEN 'CLOSE_AT_INTAKE' THEN 'closed_at_intake'
                                              WHEN 'CLOSE' THEN 'closed_after_assessment'
                                              ELSE 'closed_after_support' END
                             FROM audit_event s
                            WHERE s.case_id = k.id AND s.seq <= k.seq
                              AND s.type IN ('CLOSE_AT_INTAKE', 'CLOSE', 'PROPOSE_CLOSURE')
                            ORDER BY s.seq DESC LIMIT 1), 'closed_after_support')
       END AS outcome
  FROM closing k`;

// Cases opened by the period's end ($2 here), by the stage their trail had them in at that instant (closed ones
// included, dropped by the caller).
export const STAGE_AT_END_SQL = `
SELECT split_part(s.to_state, '.', 1) AS stage, count(*)::int AS n
  FROM "case" c
 CROSS JOIN LATERAL (SELECT e.to_state FROM audit_event e
                      WHERE e.case_id = c.id AND e.at <= $2 AND e.to_state IS NOT NULL
                      ORDER BY e.seq DESC LIMIT 1) AS s
 WHERE c.school_id = $1 AND c.created_at <= $2
 GROUP BY 1`;

// Cases whose plan first took effect (entered monitoring on submission at low risk, or on approval) in the period.
export const PLAN_APPROVED_SQL = `
SELECT c.created_at AS opened_at, min(e.at) AS at
  FROM "case" c JOIN audit_event e ON e.case_id = c.id
 WHERE c.school_id = $1 AND e.type IN ('SUBMIT_PLAN', 'APPROVE_PLAN') AND split_part(e.to_state, '.', 1) = 'monitoring'
 GROUP BY c.id
HAVING min(e.at) BETWEEN $2 AND $3`;

// Each step of a referral counted in the period it happened in, by the receiver's kind as it was sent.
export const REFERRALS_SQL = `
SELECT r.receiver_kind AS kind,
       count(*) FILTER (WHERE r.sent_at BETWEEN $2 AND $3)::int AS sent,
       count(*) FILTER (WHERE r.status IN ('accepted', 'completed') AND r.answered_at BETWEEN $2 AND $3)::int AS accepted,
       count(*) FILTER (WHERE r.status = 'declined' AND r.answered_at BETWEEN $2 AND $3)::int AS declined,
       count(*) FILTER (WHERE r.status = 'completed' AND r.completed_at BETWEEN $2 AND $3)::int AS completed
  FROM "case" c JOIN referral r ON r.case_id = c.id
 WHERE c.school_id = $1
 GROUP BY 1`;

// Each concern raised in the period: when it reached the school, and the first report to an authority ($4) that
// answered it (before the case's next concern).
export const PROTECTION_SQL = `
SELECT coalesce((r.payload->>'receivedAt')::timestamptz, r.at) AS raised_at,
       (SELECT min((n.payload->>'notifiedAt')::timestamptz) FROM audit_event n
         WHERE n.case_id = r.case_id AND n.type = 'RECORD_PROTECTION_NOTIFICATION' AND n.seq > r.seq
           AND n.payload->>'recipient' = ANY($4)
           AND n.seq < coalesce((SELECT min(x.seq) FROM audit_event x
                                  WHERE x.case_id = r.case_id AND x.type = 'RAISE_PROTECTION_CONCERN' AND x.seq > r.seq),
                                2147483647)) AS notified_at
  FROM "case" c JOIN audit_event r ON r.case_id = c.id
 WHERE c.school_id = $1 AND r.type = 'RAISE_PROTECTION_CONCERN' AND r.at BETWEEN $2 AND $3`;

// A clock counts once, in the period its fate was decided: met when it closed by its due time (not stopped), at
// that closing; missed when its due time passed first ($5: now, so a clock still running is not yet missed), at
// that due time. A paused clock still open is undecided: its due time moves when it resumes. $4: the kinds.
export const DEADLINES_SQL = `
SELECT d.kind,
       count(*) FILTER (WHERE d.closed_at <= d.due_at AND d.closed_as IS DISTINCT FROM 'stopped'
                          AND d.closed_at BETWEEN $2 AND $3)::int AS met,
       count(*) FILTER (WHERE (d.closed_at > d.due_at OR (d.closed_at IS NULL AND d.paused_at IS NULL))
                          AND d.due_at BETWEEN $2 AND $3 AND d.due_at <= $5)::int AS missed
  FROM deadline d
 WHERE d.school_id = $1 AND d.case_id IS NOT NULL AND d.kind = ANY($4)
 GROUP BY 1`;

export const ALERTS_SQL = `
SELECT a.level, a.created_at, a.acknowledged_at FROM alert a
 WHERE a.school_id = $1 AND a.created_at BETWEEN $2 AND $3`;

export const SESSIONS_SQL = `
SELECT s.mode, count(*)::int AS n, coalesce(sum(s.minutes), 0)::int AS minutes
  FROM counselling_session s
 WHERE s.school_id = $1 AND s.started_at BETWEEN $2 AND $3
 GROUP BY 1`;

// Follow-up contacts made in the period that answered the 30- or 90-day clock.
export const FOLLOW_UPS_SQL = `
SELECT f.closed_deadline AS kind, count(*)::int AS n
  FROM follow_up_contact f
 WHERE f.school_id = $1 AND f.contacted_at BETWEEN $2 AND $3 AND f.closed_deadline IS NOT NULL
 GROUP BY 1`;
