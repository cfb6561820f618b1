import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@dh/config';
import { CliModule } from './cli.module';
import { COMMANDS, Output } from './commands';

const io: Output = { out: (l) => process.stdout.write(`${l}\n`), err: (l) => process.stderr.write(`${l}\n`) };

export const runCli = async (argv: string[]): Promise<number> => {
  const [name, ...args] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    io.err(`Đồng Hành CLI\nusage: npm run cli -- <command>\n${Object.values(COMMANDS).map((c) => `  ${c.summary}`).join('\n')}`);
    return 2;
  }
  const config = { ...loadConfig(), schedulerEnabled: false, seedDemo: false };
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    return await command.run(app, args, io);
  } finally {
    await app.close();
  }
};

if (require.main === module) {
  runCli(process.argv.slice(2))
    .then((code) => process.exit(code))
    .catch((e) => {
      new Logger('cli').error(e);
      process.exit(1);
    });
}
