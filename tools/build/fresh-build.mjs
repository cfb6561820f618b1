// `npm start`'s build step: runs `npm run build` only when a source changed since the last build, so a restart
// of an unchanged checkout starts the server at once. "Changed": any file's path, size or modification time
// under the built folders, or a build setting, differs from what the last successful build recorded.
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../..');
const SOURCES = ['apps', 'libs', 'machines', 'migrations', 'bench'];
const SETTINGS = ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'nest-cli.json'];
const OUTPUTS = ['dist/apps/api/src/main.js', 'apps/web/dist/index.html'];
const STAMP = join(ROOT, 'dist', '.sources-stamp');

const walk = (dir, out) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else out.push(path);
  }
  return out;
};

const fingerprint = () => {
  const hash = createHash('sha256');
  const files = [...SOURCES.flatMap((d) => walk(join(ROOT, d), [])), ...SETTINGS.map((f) => join(ROOT, f))];
  for (const file of files.sort()) {
    const st = statSync(file);
    hash.update(`${file}\0${st.size}\0${st.mtimeMs}\n`);
  }
  return hash.digest('hex');
};

const before = fingerprint();
const built = OUTPUTS.every((f) => existsSync(join(ROOT, f)));
if (built && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === before) {
  process.stdout.write('build: sources unchanged since the last build, not rebuilding\n');
} else {
  execSync('npm run build', { cwd: ROOT, stdio: 'inherit' });
  // The fingerprint taken before the build: a file edited while it ran makes the next start build again.
  writeFileSync(STAMP, before);
}
