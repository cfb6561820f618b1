import { Injectable, Logger, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';

const CLIENT_ID = /^[A-Za-z0-9._-]{8,100}$/;

// Every request carries an id: into the logs, the audit trail and the X-Request-Id response header.
@Injectable()
export class RequestContextMiddleware implements NestMiddleware {
  private readonly logger = new Logger('HTTP');

  use(req: Request & { requestId?: string; caller?: { id: string } }, res: Response, next: NextFunction): void {
    const given = req.header('x-request-id');
    const requestId = given && CLIENT_ID.test(given) ? given : randomUUID();
    req.requestId = requestId;
    res.setHeader('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      this.logger.log({
        msg: 'request',
        requestId,
        method: req.method,
        path: req.originalUrl.split('?')[0],
        status: res.statusCode,
        ms: Number((process.hrtime.bigint() - started) / 1000000n),
        userId: req.caller?.id ?? null,
      });
    });
    next();
  }
}
