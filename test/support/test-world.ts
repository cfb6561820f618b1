import { Client } from 'pg';
import { buildWorld, World } from './fixtures';
import { startTestApp, TestApp, TestAppOptions } from './test-app';

export type TestWorld = { t: TestApp; w: World; pg: Client };

// The usual start of an API test file: the app on a fresh database, a ward with two schools and a person
// in each role, and a direct connection to look at rows; all closed after the file.
export const useTestWorld = (env: Record<string, string> = {}, options: TestAppOptions = {}): TestWorld => {
  const world = {} as TestWorld;
  beforeAll(async () => {
    world.t = await startTestApp(env, options);
    world.w = await buildWorld(world.t.app);
    world.pg = new Client({ connectionString: world.t.db.url });
    await world.pg.connect();
  });
  afterAll(async () => {
    await world.pg?.end();
    await world.t?.close();
  });
  return world;
};
