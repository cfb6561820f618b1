import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { createValidationPipe, namedBodyParserErrors, RejectIllFormedTextPipe, verifyJsonBody } from '@dh/errors';

export const API_PREFIX = 'api';
export const DOCS_PATH = 'api/docs';

// Shared by main and the tests, so the tests exercise the server as it runs.
export const configureApp = (app: NestExpressApplication): NestExpressApplication => {
  app.setGlobalPrefix(API_PREFIX);
  // Strict headers everywhere; the OpenAPI page alone needs its inline script and styles.
  const strict = helmet();
  const docs = helmet({ contentSecurityPolicy: false });
  app.use((req: Request, res: Response, next: NextFunction) => (req.path.startsWith(`/${DOCS_PATH}`) ? docs : strict)(req, res, next));
  // Depth, key count and UTF-8 are checked on the raw bytes, before anything recursive sees the body.
  app.useBodyParser('json', { limit: '256kb', verify: verifyJsonBody });
  app.use(namedBodyParserErrors);
  app.useGlobalPipes(new RejectIllFormedTextPipe(), createValidationPipe());
  app.disable('x-powered-by');
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Đồng Hành API')
      .setDescription('Quản lý hồ sơ tư vấn học đường và công tác xã hội trong trường học (Thông tư 18/2025/TT-BGDĐT) / school counselling case management')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup(DOCS_PATH, app, document);
  return app;
};
