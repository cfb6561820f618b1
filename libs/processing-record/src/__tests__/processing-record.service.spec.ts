import { join } from 'node:path';
import type { ModulesContainer } from '@nestjs/core';
import type { DataSource } from 'typeorm';
import { ManualClock } from '@dh/clock';
import { SealedRegistry } from '@dh/crypto';
import { DeclaresProcessing, KEPT, ProcessingActivity, ProcessingDeclaration } from '@dh/privacy';
import { loadRetentionPolicy, RetentionService } from '@dh/retention';
import { ProcessingRecordService } from '../processing-record.service';

const POLICY = loadRetentionPolicy(join(__dirname, '../../../../config/retention.json'));

const activity = (id: string, tables: string[], retention: ProcessingActivity['retention'] = KEPT.withCase) => ({
  id,
  purpose: { vi: `Mục đích ${id}`, en: `Purpose ${id}` },
  legalBasis: [],
  subjects: [],
  categories: [{ data: { vi: 'Họ tên', en: 'Name' } }],
  tables,
  recipients: [],
  retention,
});

// A module class carrying a declaration, as the real modules carry theirs.
const moduleDeclaring = (name: string, declaration: ProcessingDeclaration) => {
  const m = { [name]: class {} }[name];
  DeclaresProcessing(declaration)(m);
  return m;
};

describe(ProcessingRecordService.name, () => {
  const build = (declarations: ProcessingDeclaration[], tables: string[]) => {
    const sealed = new SealedRegistry();
    sealed.register({ tables: [{ table: 'case', key: 'id', caseColumn: 'id', columns: { summary: 'case.summary' } }] });
    const modules = new Map(
      declarations.map((d, i) => [`m${i}`, { metatype: moduleDeclaring(`Module${i}`, d) }]),
    ) as unknown as ModulesContainer;
    const dataSource = {
      entityMetadatas: [],
      query: () => Promise.resolve(tables.map((table_name) => ({ table_name }))),
    } as unknown as DataSource;
    const sut = new ProcessingRecordService(
      modules,
      dataSource,
      sealed,
      { policy: POLICY } as RetentionService,
      new ManualClock('2026-12-04T00:00:00Z'),
    );
    return sut;
  };

  it('starts when every table is declared, and prints sealed columns under the case key', async () => {
    const sut = build(
      [
        { activities: [activity('cases', ['case'], { kinds: ['counselling_record'] })] },
        { notPersonal: [{ table: 'calendar_day', why: { vi: 'Ngày học', en: 'School days' } }] },
      ],
      ['case', 'calendar_day'],
    );
    await sut.onApplicationBootstrap();
    const [cases] = sut.record().activities;
    expect(cases).toMatchObject({
      module: 'Module0',
      storedIn: [{ table: 'case', sealedColumns: ['summary'], sealedUnder: 'case_key' }],
      retention: { periods: [{ kind: 'counselling_record', years: POLICY.kinds.counselling_record.years }] },
    });
  });

  it.each([
    [
      'a table no module declares',
      [{ activities: [activity('cases', ['case'])] }],
      /table calendar_day is declared by no module/,
    ],
    [
      'a table two modules declare',
      [
        { activities: [activity('cases', ['case'])] },
        {
          activities: [activity('more', ['case'])],
          notPersonal: [{ table: 'calendar_day', why: { vi: '-', en: '-' } }],
        },
      ],
      /table case is declared by both Module0 \(cases\) and Module1 \(more\)/,
    ],
    [
      'a sealed table said to hold no personal data',
      [
        {
          notPersonal: [
            { table: 'case', why: { vi: '-', en: '-' } },
            { table: 'calendar_day', why: { vi: '-', en: '-' } },
          ],
        },
      ],
      /table case seals columns yet is declared as holding no personal data/,
    ],
    [
      'a period of a kind the retention policy does not know',
      [{ activities: [activity('cases', ['case', 'calendar_day'], { kinds: ['diary'] })] }],
      /activity cases: diary is not a kind of record/,
    ],
  ])('refuses to start with %s', async (_, declarations, problem) => {
    await expect(build(declarations, ['case', 'calendar_day']).onApplicationBootstrap()).rejects.toThrow(problem);
  });
});
