import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(__dirname, '..', '..', 'migrations');
const MANIFEST = 'migrations/checksums.json';
const MIGRATION_FILE = /^\d{13}-[a-z0-9-]+\.ts$/;

// Line endings normalised: a Windows checkout with autocrlf is the same migration.
const sha256Of = (file: string): string =>
  createHash('sha256')
    .update(readFileSync(join(DIR, file), 'utf8').replace(/\r\n/g, '\n'))
    .digest('hex');

// What is wrong between the migration files and the manifest, one sentence each (empty when they agree).
const manifestProblems = (manifest: Record<string, string>, files: string[]): string[] => [
  ...Object.entries(manifest).flatMap(([file, sum]) => {
    if (!existsSync(join(DIR, file)))
      return [`migrations/${file} is listed in ${MANIFEST} but missing: a landed migration is never removed`];
    const now = sha256Of(file);
    return now === sum
      ? []
      : [
          `migrations/${file} changed after it landed (sha256 ${now}, ${MANIFEST} has ${sum}): a database that already ran it never ` +
            `sees the change. Undo the edit and put the change in a new migration.`,
        ];
  }),
  ...files
    .filter((f) => !(f in manifest))
    .map(
      (f) =>
        `migrations/${f} is not in ${MANIFEST}: add "${f}": "${sha256Of(f)}" to it with the migration (from then on the file is frozen)`,
    ),
];

describe('migration checksums', () => {
  const files = readdirSync(DIR).filter((f) => MIGRATION_FILE.test(f));
  const manifest = JSON.parse(readFileSync(join(DIR, 'checksums.json'), 'utf8')) as Record<string, string>;

  it('match every migration file: landed migrations are never edited, and every new one is listed', () => {
    expect(manifestProblems(manifest, files)).toEqual([]);
  });

  it('name an edited migration and a missing entry, saying what to do', () => {
    const edited = { ...manifest, [files[0]]: '0'.repeat(64) };
    delete edited[files[1]];
    expect(manifestProblems(edited, files)).toEqual([
      expect.stringMatching(new RegExp(`^migrations/${files[0]} changed after it landed .*new migration\\.$`)),
      `migrations/${files[1]} is not in ${MANIFEST}: add "${files[1]}": "${sha256Of(files[1])}" to it with the migration (from then on the file is frozen)`,
    ]);
  });
});
