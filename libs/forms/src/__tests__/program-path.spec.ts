import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { programPath } from '../program-path';

describe('programPath', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dh-program-path-'));
  const bin = join(dir, 'bin');
  const other = join(dir, 'other');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeAll(() => {
    mkdirSync(bin);
    mkdirSync(other);
    writeFileSync(join(bin, 'tool'), '#!/bin/sh\n');
    chmodSync(join(bin, 'tool'), 0o755);
    writeFileSync(join(bin, 'notes'), 'not a program');
    // A folder named like the program, earlier on PATH, is not the program.
    mkdirSync(join(other, 'tool'));
  });

  it('finds a bare name on PATH as a shell would: the first executable file of that name', () => {
    expect(programPath('tool', [other, bin].join(delimiter))).toBe(join(bin, 'tool'));
    expect(programPath('notes', bin)).toBeNull();
    expect(programPath('tool', ['relative/bin', other].join(delimiter))).toBeNull();
  });

  it('takes a path as it is', () => {
    expect(programPath(join(bin, 'tool'), '')).toBe(join(bin, 'tool'));
    expect(programPath(join(bin, 'missing'), bin)).toBeNull();
  });
});
