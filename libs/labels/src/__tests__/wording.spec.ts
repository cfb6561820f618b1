import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '../../../..');
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

const filesOf = (dir: string, ext: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory())
      return ['__tests__', 'node_modules', 'demo', 'dist'].includes(e.name) ? [] : filesOf(path, ext);
    return e.name.endsWith(ext) && !e.name.endsWith('.spec.ts') ? [path] : [];
  });

// Every Vietnamese text a person may read: the string literals of the code (comments are not scanned)
// and the forms' templates.
const texts = (): { file: string; text: string }[] => {
  // The web app's pages (.tsx) and dictionaries too.
  const sources = ['libs', 'apps', 'machines'].flatMap((d) => [
    ...filesOf(join(ROOT, d), '.ts'),
    ...filesOf(join(ROOT, d), '.tsx'),
  ]);
  const literal = /'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`|"(?:[^"\\\n]|\\.)*"/g;
  // Each module's error messages live in its `<module>.errors.json`.
  const catalogues = filesOf(join(ROOT, 'libs'), '.errors.json');
  return [...sources, ...catalogues, ...filesOf(join(ROOT, 'config/forms'), '.json')].flatMap((path) => {
    const code = readFileSync(path, 'utf8').replace(/^\s*\/\/.*$/gm, '');
    return [...code.matchAll(literal)]
      .map((m) => m[0])
      .filter((t) => VIETNAMESE.test(t))
      .map((text) => ({ file: relative(ROOT, path), text }));
  });
};

// Wordings a school office reads as wrong or awkward (issue 13, point 15), each with what to write instead.
const RULES: { name: string; wrong: (text: string) => boolean }[] = [
  {
    name: '"làm việc với sự đồng ý" → "mới được ghi nhận hoặc rút lại sự đồng ý"',
    wrong: (t) => /làm việc với sự đồng ý/.test(t),
  },
  {
    name: '"Chỉ X được/ghi …" → "Chỉ X mới được …" or "Chỉ được …"',
    wrong: (t) =>
      t
        .split(/[.;]/)
        .some(
          (s) => /^\W*Chỉ /.test(s.trim()) && !/mới được|^\W*Chỉ được/.test(s.trim()) && !/^\W*Chỉ các /.test(s.trim()),
        ),
  },
  { name: 'no "(giám sát)" after "tổ trưởng"', wrong: (t) => /tổ trưởng[^.]*\(giám sát\)/i.test(t) },
  { name: '"Đơn vị nhận" → "Đơn vị tiếp nhận"', wrong: (t) => /đơn vị nhận/i.test(t) },
  { name: 'an alert past its deadline says "Quá hạn", not "Đã đến hạn"', wrong: (t) => /Đã đến hạn/.test(t) },
  { name: 'no "gửi chuyển gửi"', wrong: (t) => /gửi chuyển gửi/i.test(t) },
  { name: '"tương lai" → "sau thời điểm hiện tại"', wrong: (t) => /tương lai/i.test(t) },
  {
    name: 'the reader is "em" (learner-facing) or not addressed, never "bạn"',
    wrong: (t) => /(^|[.!?;'"`]\s*|cảm ơn |của |nếu |hoặc |vai trò của )bạn\b/i.test(t),
  },
  {
    name: 'one text says "học sinh" or "người học", not both',
    wrong: (t) => /học sinh/i.test(t) && /người học/i.test(t),
  },
];

describe('Vietnamese wording', () => {
  const all = texts();

  it('reads every Vietnamese text of the code and the forms', () => {
    expect(all.length).toBeGreaterThan(300);
  });

  it.each(RULES.map((r) => [r.name, r]))('%s', (_name, rule) => {
    expect(all.filter((t) => rule.wrong(t.text))).toEqual([]);
  });

  it('a form template says "học sinh" or "người học" throughout, not both', () => {
    const mixed = filesOf(join(ROOT, 'config/forms'), '.json')
      .map((f) => readFileSync(f, 'utf8'))
      .filter((json) => /học sinh/i.test(json) && /người học/i.test(json));
    expect(mixed).toEqual([]);
  });
});
