import { runCli } from '../../apps/cli/src/main';
import { TestApp } from './test-app';

// The operator CLI in this process, against the test app's database, its output captured.
export const useCliAgainst = (app: () => TestApp) => {
  const savedEnv = { ...process.env };
  beforeAll(() => {
    const t = app();
    Object.assign(process.env, {
      DATABASE_URL: t.db.url,
      DATA_DIR: t.config.dataDir,
      JWT_SECRET: t.config.jwtSecret,
      DATA_KEY: t.config.dataKey,
    });
  });
  afterAll(() => {
    process.env = savedEnv;
  });
  return async (args: string[]): Promise<{ code: number; out: string; err: string }> => {
    const out: string[] = [];
    const err: string[] = [];
    const o = jest.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
    const e = jest.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
    try {
      return { code: await runCli(args), out: out.join(''), err: err.join('') };
    } finally {
      o.mockRestore();
      e.mockRestore();
    }
  };
};
