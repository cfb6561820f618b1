import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generateOpenApiJson } from './generate-openapi';

export const OPENAPI_FILE = resolve(__dirname, '../../../../openapi.json');

// `npm run openapi`: rewrites openapi.json at the repository root from the app's routes.
const main = async (): Promise<void> => {
  writeFileSync(OPENAPI_FILE, await generateOpenApiJson());
  process.stdout.write(`openapi.json written (${OPENAPI_FILE})\n`);
};

if (require.main === module) void main();
