import { DynamicModule, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@dh/config';
import { dataSourceOptions, DatabaseTarget } from './data-source-options';
import { EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres';

export const DATABASE_TARGET = Symbol('DATABASE_TARGET');

@Injectable()
export class EmbeddedPostgresHolder implements OnApplicationShutdown {
  private readonly logger = new Logger(EmbeddedPostgresHolder.name);
  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly embedded: EmbeddedPostgres | null,
  ) {}

  // The pool must close before PGlite does, or the last connection is cut mid-flight.
  async onApplicationShutdown(): Promise<void> {
    if (!this.embedded) return;
    const source = this.moduleRef.get(DataSource, { strict: false });
    if (source.isInitialized) await source.destroy();
    await this.embedded.stop();
    this.logger.log('embedded PostgreSQL stopped');
  }
}

@Module({})
export class DatabaseModule {
  static forRoot(): DynamicModule {
    const embeddedProvider = {
      provide: 'EMBEDDED_POSTGRES',
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig): Promise<EmbeddedPostgres | null> =>
        config.databaseUrl ? null : startEmbeddedPostgres(join(config.dataDir, 'pglite')),
    };
    const targetProvider = {
      provide: DATABASE_TARGET,
      inject: [APP_CONFIG, 'EMBEDDED_POSTGRES'],
      useFactory: (config: AppConfig, embedded: EmbeddedPostgres | null): DatabaseTarget =>
        embedded ? { url: embedded.url, embedded: true } : { url: config.databaseUrl as string, embedded: false },
    };
    const holderProvider = {
      provide: EmbeddedPostgresHolder,
      inject: [ModuleRef, 'EMBEDDED_POSTGRES'],
      useFactory: (ref: ModuleRef, embedded: EmbeddedPostgres | null) => new EmbeddedPostgresHolder(ref, embedded),
    };
    const infra: DynamicModule = {
      module: DatabaseInfraModule,
      global: true,
      providers: [embeddedProvider, targetProvider, holderProvider],
      exports: [DATABASE_TARGET],
    };
    return {
      module: DatabaseModule,
      imports: [
        infra,
        TypeOrmModule.forRootAsync({
          inject: [DATABASE_TARGET],
          useFactory: (target: DatabaseTarget) => ({
            ...dataSourceOptions(target),
            autoLoadEntities: true,
            migrationsRun: true,
          }),
        }),
      ],
    };
  }
}

@Module({})
export class DatabaseInfraModule {}
