import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from '../apps/api/src/app.module';
import { configureApp } from '../apps/api/src/configure-app';
import { loadConfig } from '@dh/config';
import { DEMO_PASSWORD, DemoSeedService } from '@dh/demo';
import { FORM_NUMBERS, FormNumber, programPath } from '@dh/forms';

// Every form of the demo data as a reviewer sees it: docs/forms/mau-0N.pdf, converted by the server's own
// ?format=pdf, and page 1 of each as mau-0N.png. A throwaway server on the embedded PostgreSQL with the demo seed, read
// as the demo school's supervisor, so nothing is sealed. Needs soffice (LibreOffice) and pdftoppm (poppler-utils).
//   npm run forms:samples [-- --out <folder>]

// Each form from the demo case that fills it most: the one at that step of its way (a referral for Form 03, a
// closure for Form 04), else the one furthest along.
const PREFERRED: Record<FormNumber, string[]> = {
  '01': ['planReview', 'monitoring', 'planning', 'assessment'],
  '02': ['planReview', 'monitoring', 'planning', 'assessment'],
  '03': ['referral'],
  '04': ['closureReview', 'closed'],
  'ke-hoach': ['monitoring', 'planReview', 'referral', 'closureReview'],
  'lien-he-gia-dinh': ['monitoring', 'referral', 'closureReview', 'planReview'],
};
const FURTHEST = ['closureReview', 'monitoring', 'planReview', 'referral', 'planning', 'assessment', 'intake'];

type Listed = { id: string; code: string; state: string };

const pick = (cases: Listed[], form: string): Listed => {
  const wanted = [...(PREFERRED[form as FormNumber] ?? []), ...FURTHEST];
  for (const state of wanted) {
    const found = cases.find((c) => c.state.includes(state));
    if (found) return found;
  }
  return cases[0];
};

const main = async (): Promise<number> => {
  const outArg = process.argv.indexOf('--out');
  const out = resolve(outArg > 0 ? process.argv[outArg + 1] : join(__dirname, '../docs/forms'));
  const missing = [process.env.SOFFICE_PATH || 'soffice', 'pdftoppm'].filter((p) => !programPath(p));
  if (missing.length) {
    process.stderr.write(
      `thiếu chương trình / missing: ${missing.join(', ')} (apt-get install libreoffice-writer-nogui poppler-utils)\n`,
    );
    return 1;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'dh-form-samples-'));
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: '',
    MIGRATION_DATABASE_URL: '',
    DATA_DIR: dataDir,
    SEED_DEMO: 'true',
    SCHEDULER_ENABLED: 'false',
    NODE_ENV: 'development',
  });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    logger: ['error', 'warn'],
  });
  try {
    configureApp(app);
    await app.init();
    await app.get(DemoSeedService).seedOnce();
    await app.listen(0, '127.0.0.1');
    const base = `${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/api`;
    const login = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'tt.dongda', password: DEMO_PASSWORD }),
    });
    const headers = { Authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}` };
    const cases = ((await (await fetch(`${base}/cases?pageSize=100`, { headers })).json()) as { items: Listed[] })
      .items;
    mkdirSync(out, { recursive: true });
    for (const form of FORM_NUMBERS) {
      const c = pick(cases, form);
      const res = await fetch(`${base}/cases/${c.id}/forms/${form}?format=pdf`, { headers });
      if (!res.ok) throw new Error(`Form ${form} of ${c.code}: ${res.status} ${await res.text()}`);
      const pdf = join(out, `mau-${form}.pdf`);
      writeFileSync(pdf, Buffer.from(await res.arrayBuffer()));
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '80',
        '-singlefile',
        '-f',
        '1',
        '-l',
        '1',
        pdf,
        join(out, `mau-${form}`),
      ]);
      process.stdout.write(`Mẫu ${form} (${c.code}, ${c.state}): ${pdf}, ${join(out, `mau-${form}.png`)}\n`);
    }
    return 0;
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
};

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
    process.exit(1);
  },
);
