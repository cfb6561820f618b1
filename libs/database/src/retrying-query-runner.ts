import { Logger } from '@nestjs/common';
import { DataSource, ObjectLiteral, QueryFailedError, QueryRunner } from 'typeorm';
import { QueryResult as TypeormQueryResult } from 'typeorm/query-runner/QueryResult';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import type { ReplicationMode } from 'typeorm/driver/types/ReplicationMode';
import { isConnectionLost } from '@dh/errors';
import { queryAfterBegin } from './begin-with-first';

// Statements that write nothing: the opening of a transaction, and a plain read (the application's reads outside
// a transaction call no writing function). Running one of them twice cannot store anything twice.
const REPEATABLE = /^\s*(START TRANSACTION|BEGIN|SELECT|SHOW)\b/i;

// Every connection whose statement went through once: one of them failing later had gone stale in the pool.
const usedConnections = new WeakSet<object>();

// Enough to pass every stale connection the pool may still hold (it holds at most `max`) and reach a new one.
const MAX_ATTEMPTS = 12;

type Releasable = { releasePostgresConnection: (err?: unknown) => Promise<void> };

// A pooled connection can die while it sits idle (the server restarted, a firewall dropped it): the next unit of
// work that takes it fails on its first statement although nothing was wrong with that work. Only that case is
// retried, on another connection: the first statement of a checkout, when the connection is lost and the statement
// is START TRANSACTION or a read. Nothing the work wrote can have reached the server yet, so nothing can be stored
// twice. A failure later in a transaction is never retried: its COMMIT may have been carried out before the
// connection dropped, and running the work again could do it twice.
export class RetryingQueryRunner extends PostgresQueryRunner {
  private readonly logger = new Logger(RetryingQueryRunner.name);
  private statementsOnConnection = 0;
  // The BEGIN a transaction owes the server, sent with its first statement (begin-with-first.ts).
  private pendingBegin: string | null = null;

  // Marks the transaction open without a round trip of its own; a nested one (a savepoint) goes as TypeORM sends it.
  override async startTransaction(isolationLevel?: IsolationLevel): Promise<void> {
    if (this.transactionDepth > 0) return super.startTransaction(isolationLevel);
    this.isTransactionActive = true;
    this.pendingBegin = isolationLevel ? `START TRANSACTION ISOLATION LEVEL ${isolationLevel}` : 'START TRANSACTION';
    this.transactionDepth = 1;
  }

  // A transaction that sent no statement has nothing on the server to end.
  override async commitTransaction(): Promise<void> {
    if (!this.endUnsent()) return super.commitTransaction();
  }

  override async rollbackTransaction(): Promise<void> {
    if (!this.endUnsent()) return super.rollbackTransaction();
  }

  private endUnsent(): boolean {
    if (this.pendingBegin === null || this.transactionDepth !== 1) return false;
    this.pendingBegin = null;
    this.isTransactionActive = false;
    this.transactionDepth = 0;
    return true;
  }

  override async query(
    query: string,
    parameters?: unknown[] | ObjectLiteral,
    useStructuredResult = false,
  ): Promise<unknown> {
    let freshFailures = 0;
    for (let attempt = 1; ; attempt++) {
      const first = this.statementsOnConnection === 0;
      this.statementsOnConnection += 1;
      const begin = this.pendingBegin;
      try {
        const result = begin
          ? await this.queryAfterBegin(begin, query, parameters as unknown[] | undefined, useStructuredResult)
          : await super.query(query, parameters, useStructuredResult);
        if (this.databaseConnection) usedConnections.add(this.databaseConnection);
        return result;
      } catch (e) {
        // Whatever a transaction's first statement was, it cannot have been committed: it is as safe to repeat as a read.
        const repeatable = begin !== null || REPEATABLE.test(query);
        if (!first || !repeatable || !isConnectionLost(e) || attempt >= MAX_ATTEMPTS) throw e;
        const dead: object | undefined = this.databaseConnection;
        // A stale connection from the pool: take the next. A new connection that fails at once: once, then give up.
        if (!(dead && usedConnections.has(dead)) && ++freshFailures > 1) throw e;
        this.logger.warn(
          `connection lost before "${query.slice(0, 40)}" ran (${String(e)}); retrying on another connection`,
        );
        await this.dropConnection(e);
      }
    }
  }

  // TypeORM's query() with the owed BEGIN in front: the same logging, error and result shape.
  private async queryAfterBegin(
    begin: string,
    query: string,
    parameters: unknown[] | undefined,
    useStructuredResult: boolean,
  ): Promise<unknown> {
    const client = (await this.connect()) as Parameters<typeof queryAfterBegin>[0];
    const logger = this.driver.dataSource.logger;
    logger.logQuery(`${begin}; ${query}`, parameters, this as unknown as QueryRunner);
    let raw;
    try {
      raw = await queryAfterBegin(client, begin, query, parameters);
    } catch (e) {
      // Connection lost: BEGIN may not have reached the server; the retry on another connection sends it again.
      if (!isConnectionLost(e)) this.pendingBegin = null;
      logger.logQueryError(e as Error, query, parameters, this as unknown as QueryRunner);
      throw new QueryFailedError(query, parameters, e as Error);
    }
    this.pendingBegin = null;
    const result = new TypeormQueryResult();
    result.records = raw.rows;
    result.affected = raw.rowCount ?? undefined;
    result.raw = raw.command === 'UPDATE' || raw.command === 'DELETE' ? [raw.rows, raw.rowCount] : raw.rows;
    return useStructuredResult ? result : result.raw;
  }

  // Destroy the dead client (released with its error, the pool never hands it out again) and connect anew at the
  // next statement. TypeORM may already have released this runner when the client emitted its error.
  private async dropConnection(err: unknown): Promise<void> {
    await (this as unknown as Releasable).releasePostgresConnection(err);
    this.isReleased = false;
    this.databaseConnection = undefined;
    this.databaseConnectionPromise = undefined as unknown as Promise<unknown>;
    this.statementsOnConnection = 0;
  }
}

// The application's data source: its query runners retry as above. Installed before the pool opens.
export const withConnectionRetry = (source: DataSource): DataSource => {
  const driver = source.driver as PostgresDriver;
  driver.createQueryRunner = (mode: ReplicationMode) => new RetryingQueryRunner(driver, mode);
  return source;
};
