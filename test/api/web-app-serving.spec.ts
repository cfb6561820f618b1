import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, TestApp } from '../support/test-app';

// The web app beside the API, from a built directory: its page with a fresh nonce the page's CSP names, its assets,
// the files beside the page; the API's answers carry the strict headers and nothing from that directory.
describe('the web app served beside the API', () => {
  let t: TestApp;

  beforeAll(async () => {
    const web = mkdtempSync(join(tmpdir(), 'dh-web-'));
    mkdirSync(join(web, 'assets'));
    writeFileSync(join(web, 'index.html'), '<meta name="csp-nonce" content="__CSP_NONCE__" /><p>Đồng Hành</p>');
    writeFileSync(join(web, 'assets', 'app-1a2b.js'), 'console.log(1)');
    writeFileSync(join(web, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    // A file that would shadow an API route if the directory were served for every path.
    mkdirSync(join(web, 'api'));
    writeFileSync(join(web, 'api', 'health'), 'not the API');
    t = await startTestApp({ WEB_DIR: web });
  });

  afterAll(() => t?.close());

  const nonceIn = (csp: string) => /'nonce-([^']+)'/.exec(csp)?.[1];

  it('answers a client route with the page, its nonce the one its CSP names, fresh each time', async () => {
    const first = await t.http().get('/ho-so/abc').expect(200).expect('Content-Type', /html/);
    const second = await t.http().get('/').expect(200);
    const nonce = nonceIn(first.headers['content-security-policy']);
    expect(nonce).toBeTruthy();
    expect(first.text).toContain(`content="${nonce}"`);
    expect(first.text).toContain('Đồng Hành');
    expect(nonceIn(second.headers['content-security-policy'])).not.toBe(nonce);
  });

  it('serves the assets for good and the files beside the page as they are', async () => {
    const asset = await t.http().get('/assets/app-1a2b.js').expect(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    const icon = await t.http().get('/favicon.svg').expect(200);
    expect(icon.headers['content-type']).toContain('svg');
  });

  it('answers the API from the API, with the strict headers and no nonce', async () => {
    const res = await t.http().get('/api/health').expect(200).expect('Content-Type', /json/);
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(nonceIn(res.headers['content-security-policy'])).toBeUndefined();
    expect(res.text).not.toContain('not the API');
  });
});
