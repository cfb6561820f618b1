import { DynamicModule, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { join } from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@dh/config';
import { dataSourceOptions, DatabaseTarget } from './data-source-options';
import { EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres';
import { withConnectionRetry } from './retrying-query-runner';
import { migrateDatabase, MigrationRun } from './run-migrations';

export const DATABASE_TARGET = Symbol('DATABASE_TARGET');
// What the start's migration step did (which roles, what it granted): the CLI's `migrate` reports it.
export const MIGRATION_RUN = Symbol('MIGRATION_RUN');

@Injectable()
export class EmbeddedPostgresHolder implements OnApplicationShutdown {
  private readonly logger = new Logger(EmbeddedPostgresHolder.name);
  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly embedded: EmbeddedPostgres | null,
  ) {}

  // The pool closes before the server stops, so no request loses its connection mid-statement.
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
        config.databaseUrl ? null : startEmbeddedPostgres(join(config.dataDir, 'postgres')),
    };
    const targetProvider = {
      provide: DATABASE_TARGET,
      inject: [APP_CONFIG, 'EMBEDDED_POSTGRES'],
      useFactory: (config: AppConfig, embedded: EmbeddedPostgres | null): DatabaseTarget =>
        embedded ? { url: embedded.url, embedded: true } : { url: config.databaseUrl as string, embedded: false },
    };
    // Before the pool opens, on its own connection: as MIGRATION_DATABASE_URL's role when given (then the runtime
    // role is granted what it needs), else as DATABASE_URL's (one role; always so on the embedded default).
    const migrationProvider = {
      provide: MIGRATION_RUN,
      inject: [APP_CONFIG, DATABASE_TARGET],
      useFactory: async (config: AppConfig, target: DatabaseTarget): Promise<MigrationRun> => {
        const run = await migrateDatabase({
          runtimeUrl: target.url,
          migrationUrl: target.embedded ? null : config.migrationDatabaseUrl,
        });
        if (run.ran.length)
          new Logger(DatabaseModule.name).log(`${run.ran.length} migration(s) applied as ${run.owner}`);
        return run;
      },
    };
    const holderProvider = {
      provide: EmbeddedPostgresHolder,
      inject: [ModuleRef, 'EMBEDDED_POSTGRES'],
      useFactory: (ref: ModuleRef, embedded: EmbeddedPostgres | null) => new EmbeddedPostgresHolder(ref, embedded),
    };
    const infra: DynamicModule = {
      module: DatabaseInfraModule,
      global: true,
      providers: [embeddedProvider, targetProvider, migrationProvider, holderProvider],
      exports: [DATABASE_TARGET, MIGRATION_RUN],
    };
    return {
      module: DatabaseModule,
      imports: [
        infra,
        TypeOrmModule.forRootAsync({
          // MIGRATION_RUN is injected for its order: the pool opens on a migrated, granted schema.
          inject: [DATABASE_TARGET, MIGRATION_RUN],
          useFactory: (target: DatabaseTarget) => ({
            ...dataSourceOptions(target),
            autoLoadEntities: true,
            migrationsRun: false,
          }),
          dataSourceFactory: async (options?: DataSourceOptions) =>
            withConnectionRetry(new DataSource(options as DataSourceOptions)),
        }),
      ],
    };
  }
}

@Module({})
export class DatabaseInfraModule {}
