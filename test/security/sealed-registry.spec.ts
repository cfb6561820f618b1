import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AuditService } from '@dh/audit';
import { ReencryptService } from '@dh/cases';
import { FieldCipher, KeyRing, SealedRegistry, sealedKeyId } from '@dh/crypto';
import { useTestWorld } from '../support/test-world';

// A module neither the audit nor the cases library knows: it declares its own sealed column at init, as any
// feature module does.
const NOTE_CONTEXT = 'test_note.body';

@Injectable()
class NoteDeclaration implements OnModuleInit {
  constructor(private readonly sealed: SealedRegistry) {}

  onModuleInit(): void {
    this.sealed.register({
      tables: [{ table: 'test_note', key: 'id', columns: { body: NOTE_CONTEXT } }],
      payloads: { NOTE_WRITTEN: ['body'] },
    });
  }
}

describe('sealed columns and payload fields: each module declares its own', () => {
  const world = useTestWorld();

  it('re-encrypts on rotation a column declared by a module the audit and cases libraries do not know', async () => {
    const { t, pg } = world;
    const registry = t.app.get(SealedRegistry);
    // The module's own start, on the app's registry.
    @Module({ providers: [NoteDeclaration, { provide: SealedRegistry, useValue: registry }] })
    class NotesModule {}
    const notes = await Test.createTestingModule({ imports: [NotesModule] }).compile();
    await notes.init();
    const tables = registry.sealedTables().map((s) => s.table);
    expect(tables).toEqual(expect.arrayContaining(['case', 'consent', 'referral', 'test_note']));

    await pg.query(`CREATE TABLE test_note (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), body text)`);
    const cipher = t.app.get(FieldCipher);
    const before = cipher.seal('Ghi chú riêng của mô-đun thử.', NOTE_CONTEXT);
    const [{ id }] = (await pg.query(`INSERT INTO test_note (body) VALUES ($1) RETURNING id`, [before])).rows;

    const { newKeyId } = await t.app.get(KeyRing).rotate();
    const result = await t.app.get(ReencryptService).reencryptAll();
    expect(result.test_note).toBe(1);
    const [{ body }] = (await pg.query(`SELECT body FROM test_note WHERE id = $1`, [id])).rows;
    expect(sealedKeyId(before)).not.toBe(newKeyId);
    expect(sealedKeyId(body)).toBe(newKeyId);
    expect(await cipher.open(body, NOTE_CONTEXT)).toBe('Ghi chú riêng của mô-đun thử.');
    // The trail masks its events' declared fields too.
    const masked = t.app.get(AuditService).mask('NOTE_WRITTEN', { body: 'x', page: 2 });
    expect(masked).toEqual({ payload: { body: null, page: 2 }, masked: ['body'] });
    await notes.close();
  });

  it('lists each library’s payload fields, as their modules declared them', () => {
    const payloads = world.t.app.get(SealedRegistry).sealedPayloads();
    expect(payloads).toMatchObject({
      CASE_OPENED: expect.arrayContaining(['summary', 'riskRationale']),
      CONSENT_RECORDED: ['guardianName', 'guardianRelationship', 'purpose'],
      SESSION_RECORDED: ['place', 'methods', 'evaluation', 'referTo'],
      ALERT_ACKNOWLEDGED: ['nextAction'],
      CLOCKS_PAUSED: ['reason'],
    });
  });
});
