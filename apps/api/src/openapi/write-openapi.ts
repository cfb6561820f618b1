import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generateOpenApiJson } from './generate-openapi';
import { generateWebClientTypes, WEB_CLIENT_TYPES_FILE } from './web-client-types';

export const OPENAPI_FILE = resolve(__dirname, '../../../../openapi.json');

// `npm run openapi`: rewrites openapi.json at the repository root from the app's routes, and the web app's types from it.
const main = async (): Promise<void> => {
  const document = await generateOpenApiJson();
  writeFileSync(OPENAPI_FILE, document);
  writeFileSync(WEB_CLIENT_TYPES_FILE, generateWebClientTypes(document));
  process.stdout.write(`openapi.json and the web app's types written (${OPENAPI_FILE}, ${WEB_CLIENT_TYPES_FILE})\n`);
};

if (require.main === module) void main();
