import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { mtimeOf, newestIn } from './built-cli';

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
  // jest sets NODE_ENV=test, which Vite would keep and build React's and antd's development code with.
  execFileSync('npm', ['run', 'build:web'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  return Date.now() - started;
};
