import canonicalize from 'canonicalize';
import { createHash, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { hashEvent } from '@dh/audit';
import { auth, World } from '../support/fixtures';
import { historyOf, move, openCase, verifyOf } from '../support/case-helpers';
import { useCliAgainst } from '../support/cli';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';

type Head = { seq: number; hash: string };
type Checkpoint = {
  format: string;
  number: number;
  takenAt: string;
  previousDigest: string | null;
  admin: Head | null;
  chains: ({ caseId: string } & Head)[];
  digest: string;
  publicKey: string;
  keyFingerprint: string;
  signature: string;
};

// What the digest covers: everything but itself, the key and the signature.
const signedPart = ({ digest: _d, publicKey: _k, keyFingerprint: _f, signature: _s, ...body }: Checkpoint) => body;

// Checkpoints kept outside the database catch what a database operator can do inside it: delete or rewrite
// events and recompute every hash and every head.
describe('audit checkpoints', () => {
  let t: TestApp;
  let w: World;
  let pg: Client;

  const world = useTestWorld();
  beforeAll(() => {
    ({ t, w, pg } = world);
  });
  const cli = useCliAgainst(() => t);

  const checkpointDir = () => t.config.checkpointDir;
  const files = () =>
    existsSync(checkpointDir())
      ? readdirSync(checkpointDir())
          .filter((f) => f.endsWith('.json'))
          .sort()
      : [];
  const take = async () => {
    const before = files();
    const run = await cli(['checkpoint']);
    expect(run).toMatchObject({ code: 0 });
    const added = files().filter((f) => !before.includes(f));
    return { run, file: added.length ? join(checkpointDir(), added[0]) : null };
  };
  const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Checkpoint;

  // What a thorough operator does: the chain rewritten without one event, renumbered, every hash and the
  // case row's head recomputed, so that every check inside the database passes.
  const rewriteWithout = async (caseId: string, dropSeq: number) => {
    const { rows } = await pg.query(`SELECT * FROM audit_event WHERE case_id = $1 ORDER BY seq`, [caseId]);
    let prevHash: string | null = null;
    const kept = rows
      .filter((r) => r.seq !== dropSeq)
      .map((r, i) => {
        const fields = {
          caseId: r.case_id,
          seq: i + 1,
          schoolId: r.school_id,
          type: r.type,
          fromState: r.from_state,
          toState: r.to_state,
          actorId: r.actor_id,
          actorRole: r.actor_role,
          payload: r.payload,
          requestId: r.request_id,
          at: r.at,
          prevHash,
        };
        const hash = hashEvent(fields);
        prevHash = hash;
        return { ...fields, hash };
      });
    await pg.query(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete`);
    try {
      await pg.query(`DELETE FROM audit_event WHERE case_id = $1`, [caseId]);
      for (const e of kept) {
        await pg.query(
          `INSERT INTO audit_event (case_id, seq, school_id, type, from_state, to_state, actor_id, actor_role, payload, request_id, at, prev_hash, hash)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
          [
            e.caseId,
            e.seq,
            e.schoolId,
            e.type,
            e.fromState,
            e.toState,
            e.actorId,
            e.actorRole,
            e.payload,
            e.requestId,
            e.at,
            e.prevHash,
            e.hash,
          ],
        );
      }
    } finally {
      await pg.query(`ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_delete`);
    }
    const last = kept[kept.length - 1];
    await pg.query(`UPDATE "case" SET audit_head_seq = $2, audit_head_hash = $3 WHERE id = $1`, [
      caseId,
      last.seq,
      last.hash,
    ]);
  };

  it('writes a signed checkpoint of every chain to CHECKPOINT_DIR, keeps it, and serves the latest to auditors and the admin', async () => {
    const none = await t.http().get('/api/audit/checkpoints/latest').set(auth(w.users.auditorA)).expect(404);
    expect(none.body).toMatchObject({
      statusCode: 404,
      code: 'NO_CHECKPOINT',
      message: 'Chưa có điểm kiểm nào được ký.',
    });
    const c = await move(t, w.users.counsellorA, await openCase(t, w), 'START_ASSESSMENT');
    await t
      .http()
      .post('/api/admin/wards')
      .set(auth(w.users.adminW))
      .send({ code: 'CP', name: 'Phường Điểm Kiểm' })
      .expect(201);
    const { file, run } = await take();
    expect(file).not.toBeNull();
    const cp = read(file as string);
    expect(run.out).toContain(file);
    expect(cp.chains).toContainEqual({ caseId: c.id, seq: 2, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(cp.admin).toEqual({ seq: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/) });

    // An auditor checks it offline with nothing but the file: the digest over the canonical body, the Ed25519 signature.
    const digest = createHash('sha256')
      .update(canonicalize(signedPart(cp)) as string)
      .digest('hex');
    expect(cp.digest).toBe(digest);
    const key = createPublicKey({ key: Buffer.from(cp.publicKey, 'base64'), format: 'der', type: 'spki' });
    expect(key.asymmetricKeyType).toBe('ed25519');
    expect(verify(null, Buffer.from(cp.digest, 'hex'), key, Buffer.from(cp.signature, 'base64'))).toBe(true);
    expect(cp.keyFingerprint).toBe(createHash('sha256').update(Buffer.from(cp.publicKey, 'base64')).digest('hex'));

    // The signing key never reaches the database.
    const dump = JSON.stringify((await pg.query(`SELECT * FROM audit_checkpoint`)).rows);
    expect(dump).toContain(cp.digest);
    const privateDer = JSON.parse(readFileSync(join(t.config.dataDir, 'secrets.json'), 'utf8'))
      .AUDIT_SIGNING_KEY as string;
    expect(privateDer).toBeTruthy();
    expect(dump).not.toContain(privateDer);

    for (const reader of [w.users.auditorA, w.users.adminW]) {
      expect((await t.http().get('/api/audit/checkpoints/latest').set(auth(reader)).expect(200)).body).toEqual(cp);
    }
    for (const other of [w.users.counsellorA, w.users.supervisorA, w.users.principalA, w.users.wardW]) {
      await t.http().get('/api/audit/checkpoints/latest').set(auth(other)).expect(403);
    }
  });

  it('skips a checkpoint when nothing moved, and the next one holds only the chains that moved', async () => {
    const quiet = await take();
    expect(quiet.file).toBeNull();
    expect(quiet.run.out).toMatch(/nothing moved/);
    const c = await openCase(t, w);
    const { file } = await take();
    const cp = read(file as string);
    expect(cp.chains.map((x) => x.caseId)).toEqual([c.id]);
    const previous = (await t.http().get('/api/audit/checkpoints/latest').set(auth(w.users.auditorA)).expect(200))
      .body as Checkpoint;
    expect(previous.digest).toBe(cp.digest);
  });

  it('catches a rewritten chain with every hash recomputed through an earlier checkpoint file, naming it', async () => {
    const tv = w.users.counsellorA;
    const hidden = await move(t, tv, await openCase(t, w), 'START_ASSESSMENT');
    await historyOf(t, w.users.supervisorA, hidden.id); // seq 3: the read the operator will hide
    const untouched = await openCase(t, w);
    const { file } = await take();

    // Work goes on: chains that extend their checkpointed head pass.
    await move(t, tv, untouched, 'START_ASSESSMENT');
    expect(await cli(['verify', '--against', file as string])).toMatchObject({ code: 0 });

    await rewriteWithout(hidden.id, 3);
    expect(await verifyOf(t, w.users.supervisorA, hidden.id)).toEqual({ valid: true, events: 2 });
    expect((await cli(['verify'])).code).toBe(0);

    const against = await cli(['verify', '--against', file as string]);
    expect(against.code).toBe(1);
    expect(against.err).toContain(hidden.id);
    expect(against.err).toContain('checkpoint');
    expect(against.err).not.toContain(untouched.id);
    // The auditor's whole folder of copies says the same.
    const folder = await cli(['verify', '--against', checkpointDir()]);
    expect(folder.code).toBe(1);
    expect(folder.err).toContain(hidden.id);
  });

  it('refuses a checkpoint file that was changed, or signed again with another key', async () => {
    await openCase(t, w);
    const { file } = await take();
    const cp = read(file as string);

    const edited = join(checkpointDir(), 'edited.json.txt');
    writeFileSync(edited, JSON.stringify({ ...cp, chains: cp.chains.map((x) => ({ ...x, seq: x.seq + 1 })) }));
    const refused = await cli(['verify', '--against', edited]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/signature|digest/);

    // A forger who recomputes the digest and signs with a key of their own is refused by the key.
    const forged = { ...signedPart(cp), chains: [] };
    const forgedDigest = createHash('sha256')
      .update(canonicalize(forged) as string)
      .digest('hex');
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const der = publicKey.export({ type: 'spki', format: 'der' });
    const resigned = join(checkpointDir(), 'resigned.json.txt');
    writeFileSync(
      resigned,
      JSON.stringify({
        ...forged,
        digest: forgedDigest,
        publicKey: der.toString('base64'),
        keyFingerprint: createHash('sha256').update(der).digest('hex'),
        signature: sign(null, Buffer.from(forgedDigest, 'hex'), privateKey).toString('base64'),
      }),
    );
    const other = await cli(['verify', '--against', resigned]);
    expect(other.code).toBe(1);
    expect(other.err).toContain('AUDIT_SIGNING_KEY');

    expect((await cli(['verify', '--against', join(checkpointDir(), 'missing.json')])).code).toBe(2);
  });
});
