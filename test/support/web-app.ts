import { DemoSeedService } from '@dh/demo';
import { WEB_DIR } from '../setup/built-web';
import { startTestApp, TestApp } from './test-app';

export type WebApp = TestApp & { url: string };

// The server as `npm start` runs it, the built web app at `/` and the demo school, listening on a free port of
// this machine for a browser; its clock stays the test's.
export const startWebApp = async (): Promise<WebApp> => {
  const app = await startTestApp({ WEB_DIR, SEED_DEMO: 'true' });
  await app.app.get(DemoSeedService).seedOnce();
  await app.app.listen(0, '127.0.0.1');
  return { ...app, url: (await app.app.getUrl()).replace('[::1]', '127.0.0.1') };
};
