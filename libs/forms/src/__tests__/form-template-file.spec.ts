import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadFormTemplates } from '../form-template-file';

// Just what the cases below change in a template.
type Editable = {
  version: number;
  sections: { fields: { key: string; kind: string; label: string; dot?: number; options: { value: string }[] }[] }[];
};

const SHIPPED = join(__dirname, '../../../../config/forms');

describe('loadFormTemplates', () => {
  const sut = loadFormTemplates;
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dh-forms-'));
    cpSync(SHIPPED, dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const edit = (name: string, change: (t: Editable) => void) => {
    const t = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    change(t);
    writeFileSync(join(dir, name), JSON.stringify(t));
  };

  it('loads the six shipped forms: 01–04, the plan and the family contacts log', () => {
    expect([...sut(dir).keys()].sort()).toEqual(['01', '02', '03', '04', 'ke-hoach', 'lien-he-gia-dinh']);
  });

  it('prints the highest version of a form: a ward adds mau-01.v2.json beside v1', () => {
    const v2 = JSON.parse(readFileSync(join(dir, 'mau-01.v1.json'), 'utf8'));
    writeFileSync(
      join(dir, 'mau-01.v2.json'),
      JSON.stringify({ ...v2, version: 2, title: 'PHIẾU TIẾP NHẬN THÔNG TIN (mẫu của phường)' }),
    );
    expect(sut(dir).get('01')).toMatchObject({ version: 2, title: 'PHIẾU TIẾP NHẬN THÔNG TIN (mẫu của phường)' });
  });

  it.each([
    [
      'a key no loader fills',
      (t: Editable) => {
        t.sections[2].fields[0].key = 'learner.fulName';
      },
      /mau-01\.v1\.json: sections\[2\]\.fields\[0\] \("learner\.fulName"\)\.key: "learner\.fulName" is not a key this form fills/,
    ],
    [
      'a key used as another kind',
      (t: Editable) => {
        t.sections[2].fields[1].kind = 'text';
      },
      /sections\[2\]\.fields\[1\] \("learner\.dateOfBirth"\)\.kind: "learner\.dateOfBirth" holds a date, not a text/,
    ],
    [
      'an option no value matches',
      (t: Editable) => {
        t.sections[2].fields[2].options[1].value = 'nữ';
      },
      /options\[1\]\.value: "nữ" is not a value of "learner\.sex"/,
    ],
    [
      'a misspelt property',
      (t: Editable) => {
        t.sections[0].fields[0].dot = 20;
      },
      /sections\[0\]\.fields\[0\] \("case\.code"\): unknown property "dot"/,
    ],
    [
      'an empty label',
      (t: Editable) => {
        t.sections[0].fields[0].label = ' ';
      },
      /\("case\.code"\)\.label: must be a non-empty text/,
    ],
    [
      'a version the file name does not say',
      (t: Editable) => {
        t.version = 3;
      },
      /holds form 01 version 3; the file name must say the same/,
    ],
  ])('stops the start on %s, naming the file and the field', (_what, change, message) => {
    edit('mau-01.v1.json', change);
    expect(() => sut(dir)).toThrow(message);
    expect(() => sut(dir)).toThrow(/FORMS_DIR/);
  });

  it('stops the start when a form has no template', () => {
    rmSync(join(dir, 'mau-03.v1.json'));
    expect(() => sut(dir)).toThrow(/no template for form 03/);
  });

  it('stops the start on a file that is not JSON', () => {
    writeFileSync(join(dir, 'mau-04.v1.json'), '{ "form": "04",');
    expect(() => sut(dir)).toThrow(/mau-04\.v1\.json: .*JSON/);
  });
});
