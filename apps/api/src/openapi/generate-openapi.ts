import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@dh/config';
import { AppModule } from '../app.module';
import { API_PREFIX } from '../configure-app';
import { buildOpenApiDocument, serializeOpenApiDocument } from './openapi-document';

// The document needs the routes and their metadata, not a running server: Nest's preview mode builds the module
// graph without instantiating a provider, so no database is opened. The data directory only holds the secrets
// loadConfig would otherwise generate there; it is thrown away.
export const generateOpenApiJson = async (): Promise<string> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dh-openapi-'));
  try {
    const config = loadConfig({ DATA_DIR: dataDir, SEED_DEMO: 'false', SCHEDULER_ENABLED: 'false' });
    const options = { preview: true, logger: false, bodyParser: false } as const;
    const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), options);
    try {
      app.setGlobalPrefix(API_PREFIX);
      return serializeOpenApiDocument(buildOpenApiDocument(app));
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
};
