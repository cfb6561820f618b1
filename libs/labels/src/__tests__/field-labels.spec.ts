import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadFormTemplates } from '../../../forms/src/form-template-file';
import { FIELD_LABELS, labelOf, labelTextOf } from '../field-labels';

const LIBS = join(__dirname, '../../..');

const sourcesOf = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === '__tests__' ? [] : sourcesOf(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [path] : [];
  });

// Every class that declares a validated property, wherever it lives: loading each source that imports
// class-validator registers its decorators in the metadata storage.
const declaredProperties = (): string[] => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loading each file is the point: it registers decorators
  for (const file of sourcesOf(LIBS)) if (readFileSync(file, 'utf8').includes("from 'class-validator'")) require(file);
  const storage = getMetadataStorage() as unknown as {
    validationMetadatas: Map<{ name: string }, ValidationMetadata[]>;
  };
  return [...storage.validationMetadatas.entries()].flatMap(([target, metas]) =>
    metas.map((m) => `${target.name}.${m.propertyName}`),
  );
};

describe('field labels', () => {
  it('has a Vietnamese and an English label for every validated property of every DTO', () => {
    const properties = [...new Set(declaredProperties())];
    expect(properties.length).toBeGreaterThan(100);
    const missing = properties.filter((p) => !labelOf(p.slice(p.indexOf('.') + 1)));
    expect(missing).toEqual([]);
    for (const label of Object.values(FIELD_LABELS)) {
      expect(label.vi.trim()).not.toBe('');
      expect(label.en.trim()).not.toBe('');
    }
  });

  it('names a field by the longest path it knows, list indexes left out', () => {
    expect(labelOf('guardians[3].fullName')?.vi).toBe('Họ và tên người giám hộ');
    expect(labelOf('fullName')?.vi).toBe('Họ và tên');
    expect(labelOf('payload.goals[0]')?.vi).toBe('Mục tiêu');
    expect(labelOf('nickname')).toBeUndefined();
    expect(labelTextOf('guardians[2].x.')).toBe('guardians[2].x.');
  });

  it('gives the forms and the web app the same words: each learner field a form prints is the dictionary’s', () => {
    const templates = loadFormTemplates(join(LIBS, '../config/forms'));
    const printed = [...templates.values()].flatMap((t) =>
      t.sections.flatMap((s) =>
        s.fields.filter((f) => f.key.startsWith('learner.')).map((f) => ({ form: t.form, key: f.key, label: f.label })),
      ),
    );
    expect(printed.length).toBeGreaterThan(4);
    expect(printed).toEqual(printed.map((p) => ({ ...p, label: FIELD_LABELS[p.key]?.vi })));
  });
});
