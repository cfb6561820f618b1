import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');
export const BUILT_CLI = join(ROOT, 'dist/apps/cli/src/main.js');
// The newest source the last build here started from: a file saved while tsc ran is newer than it.
const BUILT_FROM = join(ROOT, 'dist/.built-from');
// The one spec that runs the shipped build: the global set-up builds it first when that spec is in the run.
export const BUILT_CLI_SPEC = join(ROOT, 'test/escalations/sweep-exactly-once.spec.ts');

// jest sets NODE_ENV=test, which Vite (npm run build ends with build:web) would keep and build React's and antd's
// development code with: the builds run as `npm start`'s do.
export const BUILD_ENV = { ...process.env, NODE_ENV: 'production' };

const SOURCE_DIRS = ['apps', 'libs', 'machines', 'migrations'];
const BUILD_FILES = ['tsconfig.json', 'tsconfig.build.json', 'nest-cli.json', 'package-lock.json'];

// The newest modification below `dir` among the files `counts` accepts (all of them by default).
export const newestIn = (dir: string, counts: (name: string) => boolean = () => true): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return Math.max(newest, newestIn(path, counts));
    return counts(entry.name) ? Math.max(newest, statSync(path).mtimeMs) : newest;
  }, 0);

export const mtimeOf = (path: string): number => {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
};

const builtFrom = (): number => {
  try {
    return Number(readFileSync(BUILT_FROM, 'utf8'));
  } catch {
    // Built by hand (npm run build): as new as its output.
    return mtimeOf(BUILT_CLI);
  }
};

// `npm run build` again only when dist/ is missing or older than a source or build setting: a test of the
// build must not run yesterday's. Returns how long the build took, 0 when none was needed.
export const ensureBuiltCli = (): number => {
  const sources = Math.max(
    ...SOURCE_DIRS.map((d) => newestIn(join(ROOT, d), (name) => name.endsWith('.ts'))),
    ...BUILD_FILES.map((f) => mtimeOf(join(ROOT, f))),
  );
  if (mtimeOf(BUILT_CLI) > 0 && builtFrom() >= sources) return 0;
  const started = Date.now();
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: BUILD_ENV });
  writeFileSync(BUILT_FROM, String(sources));
  return Date.now() - started;
};
