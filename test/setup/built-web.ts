import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BUILD_ENV, mtimeOf, newestIn } from './built-cli';

const ROOT = join(__dirname, '../..');
export const WEB_DIR = join(ROOT, 'apps/web/dist');
const WEB_SPECS = join(ROOT, 'test/web');
const WEB_INDEX = join(WEB_DIR, 'index.html');
const WEB_SOURCES = join(ROOT, 'apps/web/src');
const WEB_FILES = ['apps/web/index.html', 'apps/web/vite.config.mts', 'package-lock.json'];

// The browser tests: the global set-up builds the web app first when one of them is in the run.
export const webSpecs = (): string[] =>
  readdirSync(WEB_SPECS)
    .filter((f) => f.endsWith('.spec.ts'))
    .map((f) => join(WEB_SPECS, f));

// The browser tests run the web app as `npm start` serves it: built again when a source is newer than the build.
// Returns how long the build took, 0 when none was needed.
export const ensureBuiltWeb = (): number => {
  const sources = Math.max(newestIn(WEB_SOURCES), ...WEB_FILES.map((f) => mtimeOf(join(ROOT, f))));
  if (mtimeOf(WEB_INDEX) >= sources) return 0;
  const started = Date.now();
  execFileSync('npm', ['run', 'build:web'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: BUILD_ENV });
  return Date.now() - started;
};
