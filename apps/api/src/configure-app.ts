import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { createValidationPipe, namedBodyParserErrors, RejectIllFormedTextPipe, verifyJsonBody } from '@dh/errors';
import { buildOpenApiDocument } from './openapi/openapi-document';

export const API_PREFIX = 'api';
export const DOCS_PATH = 'api/docs';

// Shared by main and the tests, so the tests exercise the server as it runs.
export const configureApp = (app: NestExpressApplication): NestExpressApplication => {
  app.setGlobalPrefix(API_PREFIX);
  // Strict headers everywhere; the OpenAPI page alone needs its inline script and styles.
  const strict = helmet();
  const docs = helmet({ contentSecurityPolicy: false });
  app.use((req: Request, res: Response, next: NextFunction) =>
    (req.path.startsWith(`/${DOCS_PATH}`) ? docs : strict)(req, res, next),
  );
  // Depth, key count and UTF-8 are checked on the raw bytes, before anything recursive sees the body.
  app.useBodyParser('json', { limit: '256kb', verify: verifyJsonBody });
  app.use(namedBodyParserErrors);
  app.useGlobalPipes(new RejectIllFormedTextPipe(), createValidationPipe());
  app.disable('x-powered-by');
  app.enableShutdownHooks();
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup(DOCS_PATH, app, document);
  return app;
};
