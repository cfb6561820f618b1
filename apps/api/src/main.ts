import { ConsoleLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { ConfigError, loadConfig } from '@dh/config';
import { DemoSeedService, DEMO_PASSWORD, DEMO_USERS } from '@dh/demo';
import { AppModule } from './app.module';
import { configureApp, DOCS_PATH } from './configure-app';

const bootstrap = async (): Promise<void> => {
  const logger = new ConsoleLogger('Bootstrap', { json: process.env.LOG_FORMAT !== 'pretty' });
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(78);
    }
    throw e;
  }
  warnOnEndOfLifeRuntime(logger);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    logger,
  });
  configureApp(app);
  try {
    await app.init();
  } catch (e) {
    // A key that does not open the stored data keys is a configuration error, not a crash.
    if (!(e instanceof ConfigError)) throw e;
    process.stderr.write(`${e.message}\n`);
    await app.close();
    process.exit(78);
  }
  if (config.seedDemo) await app.get(DemoSeedService).seedOnce();
  await app.listen(config.port, '0.0.0.0');
  const base = `http://localhost:${config.port}`;
  // Plain lines for the person who just typed `npm start`; the logs above stay JSON.
  const banner = [
    `Đồng Hành đang chạy / running at ${base}/ (API: ${base}/api)`,
    `OpenAPI: ${base}/${DOCS_PATH}`,
    `Cơ sở dữ liệu / database: ${config.databaseUrl ? 'DATABASE_URL' : `PostgreSQL (embedded) in ${config.dataDir}/postgres`}`,
    ...(config.seedDemo
      ? [
          `Tài khoản demo / demo logins, mật khẩu / password "${DEMO_PASSWORD}":`,
          ...DEMO_USERS.map((u) => `  ${u.username.padEnd(12)} ${u.roles.join(', ')}`),
        ]
      : []),
  ];
  process.stdout.write(`${banner.join('\n')}\n`);
};

// Node 24 LTS is the production runtime; Node 20 still runs the app but gets no security fixes since 2026-04-30,
// and a school's server keeps child-protection records: say so where the operator looks.
const warnOnEndOfLifeRuntime = (logger: ConsoleLogger): void => {
  const major = Number(process.versions.node.split('.')[0]);
  if (major >= 24) return;
  logger.warn(
    `Node ${process.versions.node} đã hết hạn hỗ trợ, không còn bản vá bảo mật; hãy chạy trên Node 24 LTS. / ` +
      `Node ${process.versions.node} is past its end of life and gets no security fixes: run on Node 24 LTS.`,
  );
};

void bootstrap();
