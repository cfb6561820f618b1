import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { APP_CONFIG, AppConfig } from '@dh/config';
import { createValidationPipe, namedBodyParserErrors, RejectIllFormedTextPipe, verifyJsonBody } from '@dh/errors';
import { buildOpenApiDocument } from './openapi/openapi-document';
import { cspNonceOf, isApiPath, serveWebApp, withCspNonce } from './web-app/serve-web-app';

export const API_PREFIX = 'api';
export const DOCS_PATH = 'api/docs';

// Shared by main and the tests, so the tests exercise the server as it runs.
export const configureApp = (app: NestExpressApplication): NestExpressApplication => {
  app.setGlobalPrefix(API_PREFIX);
  // Strict headers everywhere; the OpenAPI page alone needs its inline script and styles.
  const strict = (withNonce: boolean) =>
    helmet({
      contentSecurityPolicy: {
        directives: {
          // The web app's scripts are its own files; its styles too, and the <style> elements its components
          // write, which carry this response's nonce (serveWebApp puts it in the page). 'report-sample': a
          // violation names what it blocked, for the browser tests.
          'style-src': [
            "'self'",
            "'report-sample'",
            ...(withNonce ? [(_req: unknown, res: unknown) => `'nonce-${cspNonceOf(res as Response)}'`] : []),
          ],
          // A school's server on its own network is often plain http: upgrading the app's requests would break it.
          'upgrade-insecure-requests': null,
        },
      },
    });
  const [page, api, docs] = [strict(true), strict(false), helmet({ contentSecurityPolicy: false })];
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.path.startsWith(`/${DOCS_PATH}`)) return docs(req, res, next);
    if (isApiPath(req.path, API_PREFIX)) return api(req, res, next);
    withCspNonce(req, res, () => page(req, res, next));
  });
  // Depth, key count and UTF-8 are checked on the raw bytes, before anything recursive sees the body.
  app.useBodyParser('json', { limit: '256kb', verify: verifyJsonBody });
  app.use(namedBodyParserErrors);
  app.useGlobalPipes(new RejectIllFormedTextPipe(), createValidationPipe());
  app.disable('x-powered-by');
  serveWebApp(app, app.get<AppConfig>(APP_CONFIG).webDir, API_PREFIX);
  app.enableShutdownHooks();
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup(DOCS_PATH, app, document);
  return app;
};
