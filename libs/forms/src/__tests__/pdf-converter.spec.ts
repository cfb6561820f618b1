import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '@dh/config';
import { FormsException } from '../forms.exception';
import { PdfConverter } from '../pdf-converter';

// Stand-ins for soffice, as shell scripts: what the converter does around the program is under test, not LibreOffice.
const bin = mkdtempSync(join(tmpdir(), 'dh-fake-soffice-'));
const script = (name: string, body: string): string => {
  const path = join(bin, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
};
const calls = join(bin, 'calls.log');
// Writes "<outdir> <profile>" to the log and a PDF named after the input into the outdir, as soffice does.
const converting = script(
  'soffice-ok',
  `
for a in "$@"; do case "$a" in -env:UserInstallation=*) profile="\${a#-env:UserInstallation=}";; esac; done
while [ "$#" -gt 0 ]; do [ "$1" = "--outdir" ] && out="$2"; last="$1"; shift; done
echo "$out $profile" >> "${calls}"
printf '%%PDF-1.7 from %s' "$(basename "$last")" > "$out/$(basename "$last" .docx).pdf"`,
);
const failing = script('soffice-fails', 'echo "Error: source file could not be loaded" >&2; exit 1');
const silent = script('soffice-silent', 'exit 0');
const hanging = script('soffice-hangs', 'sleep 30');

const converter = (path: string, timeoutMs = 10_000) => new PdfConverter({ soffice: { path, timeoutMs } } as AppConfig);
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => (e instanceof FormsException ? `${e.status} ${e.code}` : String(e)),
  );

describe('PdfConverter', () => {
  afterAll(() => rmSync(bin, { recursive: true, force: true }));

  it('hands the .docx to soffice in a private folder with its own profile, returns the PDF and removes the folder', async () => {
    rmSync(calls, { force: true });
    const sut = converter(converting);
    const [a, b] = await Promise.all([sut.toPdf(Buffer.from('docx a')), sut.toPdf(Buffer.from('docx b'))]);
    expect([a.toString(), b.toString()]).toEqual(['%PDF-1.7 from form.docx', '%PDF-1.7 from form.docx']);
    const runs = readFileSync(calls, 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split(' '));
    expect(runs).toHaveLength(2);
    for (const [outdir, profile] of runs) {
      expect(profile).toBe(`file://${outdir}/profile`);
      expect(existsSync(outdir)).toBe(false);
    }
    // Two conversions at once never share a folder, so never a profile.
    expect(runs[0][0]).not.toBe(runs[1][0]);
  });

  it('a program that is not there is 501 PDF_CONVERTER_MISSING, by path or by name on PATH', async () => {
    expect(await codeOf(converter('/nonexistent/soffice').toPdf(Buffer.from('x')))).toBe('501 PDF_CONVERTER_MISSING');
    expect(await codeOf(converter('soffice-that-no-one-installed').ensureAvailable())).toBe(
      '501 PDF_CONVERTER_MISSING',
    );
    expect(converter(converting).program()).toBe(converting);
  });

  it('a program that fails, writes nothing or runs past the timeout is 503 PDF_CONVERSION_FAILED', async () => {
    expect(await codeOf(converter(failing).toPdf(Buffer.from('x')))).toBe('503 PDF_CONVERSION_FAILED');
    expect(await codeOf(converter(silent).toPdf(Buffer.from('x')))).toBe('503 PDF_CONVERSION_FAILED');
    expect(await codeOf(converter(hanging, 300).toPdf(Buffer.from('x')))).toBe('503 PDF_CONVERSION_FAILED');
  });
});
