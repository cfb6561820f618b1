import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

// The web app's API types, generated from the document: committed beside the pages that use them, and compared with
// a fresh generation by test/api/openapi.spec.ts, so a contract change cannot silently break a page.
export const WEB_CLIENT_TYPES_FILE = resolve(__dirname, '../../../web/src/modules/api/openapiTypes.ts');

// openapi-typescript's own command (its library is ESM all the way down, which jest on Node 20 cannot load).
export const generateWebClientTypes = (openapiJson: string): string => {
  const dir = mkdtempSync(join(tmpdir(), 'dh-openapi-'));
  try {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, openapiJson);
    const cli = join(dirname(require.resolve('openapi-typescript')), '..', 'bin', 'cli.js');
    return execFileSync(process.execPath, [cli, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
