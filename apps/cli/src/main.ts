import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ManualClock } from '@dh/clock';
import { ConfigError, loadConfig } from '@dh/config';
import { CliModule } from './cli.module';
import { COMMANDS, Output } from './commands';

const io: Output = { out: (l) => process.stdout.write(`${l}\n`), err: (l) => process.stderr.write(`${l}\n`) };

export const runCli = async (argv: string[]): Promise<number> => {
  const [name, ...args] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    io.err(
      `Đồng Hành CLI\nusage: npm run cli -- <command>\n${Object.values(COMMANDS)
        .map((c) => `  ${c.summary}`)
        .join('\n')}`,
    );
    return 2;
  }
  const config = { ...loadConfig(), schedulerEnabled: false, seedDemo: false };
  // A command runs as of one instant: now, unless it is told otherwise (sweep --at).
  const clock = new ManualClock(new Date());
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(config, clock), {
    logger: ['error', 'warn'],
    abortOnError: false,
  });
  try {
    return await command.run(app, args, io, clock);
  } finally {
    await app.close();
  }
};

if (require.main === module) {
  runCli(process.argv.slice(2))
    .then((code) => process.exit(code))
    .catch((e) => {
      // A key or setting that does not fit is the operator's to fix: say which, without a stack.
      if (e instanceof ConfigError) {
        process.stderr.write(`${e.message}\n`);
        process.exit(78);
      }
      new Logger('cli').error(e);
      process.exit(1);
    });
}
