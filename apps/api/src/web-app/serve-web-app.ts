import { Logger } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Where the built page asks for this response's nonce (apps/web/index.html); the app hands it to antd.
const NONCE_PLACEHOLDER = '__CSP_NONCE__';

// A fresh nonce per response outside the API: the only inline styles the browser applies are those the page's own
// scripts wrote. An API answer is no page and needs none.
export const withCspNonce = (_req: Request, res: Response, next: NextFunction): void => {
  res.locals.cspNonce = randomBytes(16).toString('base64');
  next();
};
export const cspNonceOf = (res: Response): string => String(res.locals.cspNonce);

export const isApiPath = (path: string, apiPrefix: string): boolean =>
  path === `/${apiPrefix}` || path.startsWith(`/${apiPrefix}/`);

// The built web app at `/`, same origin as the API: its files as they are (the hashed assets cached for good), and
// for any other GET outside the API its page, so a client route (/ho-so/…) survives a reload. Without a build the
// server answers the API alone and says so.
export const serveWebApp = (app: NestExpressApplication, webDir: string, apiPrefix: string): void => {
  const pageFile = join(webDir, 'index.html');
  if (!existsSync(pageFile)) {
    new Logger('WebApp').warn(`no web app built in ${webDir}: npm run build serves it at /`);
    return;
  }
  const page = readFileSync(pageFile, 'utf8');
  app.useStaticAssets(join(webDir, 'assets'), { prefix: '/assets/', immutable: true, maxAge: '365d' });
  // The few files beside the page (an icon), known at start: a static handler over the whole directory would look
  // on disk for every request's path, an API call's included.
  const beside = new Set(
    readdirSync(webDir, { withFileTypes: true })
      .filter((f) => f.isFile() && f.name !== 'index.html')
      .map((f) => `/${f.name}`),
  );
  app.use((req: Request, res: Response, next: NextFunction) => {
    const read = req.method === 'GET' || req.method === 'HEAD';
    if (read && beside.has(req.path)) return res.sendFile(req.path.slice(1), { root: webDir });
    if (isApiPath(req.path, apiPrefix) || !read) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.type('html').send(page.replace(NONCE_PLACEHOLDER, cspNonceOf(res)));
  });
};
