import { Logger } from '@nestjs/common';
import { DataSource, EntityManager, ObjectLiteral, QueryFailedError, QueryRunner } from 'typeorm';
import { QueryResult as TypeormQueryResult } from 'typeorm/query-runner/QueryResult';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import type { ReplicationMode } from 'typeorm/driver/types/ReplicationMode';
import { isConnectionLost } from '@dh/errors';
import { queryPipelined, Statement } from './pipeline';

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
  // What the open transaction owes the server, sent in one write with its next statement or its COMMIT
  // (pipeline.ts): its BEGIN, and the writes whose answer nobody waits for (deferWrite).
  private pendingBegin: string | null = null;
  private deferred: Statement[] = [];

  // Marks the transaction open without a round trip of its own; a nested one (a savepoint) goes as TypeORM sends it.
  override async startTransaction(isolationLevel?: IsolationLevel): Promise<void> {
    if (this.transactionDepth > 0) return super.startTransaction(isolationLevel);
    this.isTransactionActive = true;
    this.pendingBegin = isolationLevel ? `START TRANSACTION ISOLATION LEVEL ${isolationLevel}` : 'START TRANSACTION';
    this.transactionDepth = 1;
  }

  // The deferred writes go with the COMMIT; a transaction that sent nothing has nothing on the server to end.
  override async commitTransaction(): Promise<void> {
    if (this.transactionDepth !== 1 || (this.pendingBegin === null && this.deferred.length === 0))
      return super.commitTransaction();
    if (this.deferred.length) await this.sendOwed({ text: 'COMMIT' }, false);
    this.closed();
  }

  // Deferred writes never sent are simply dropped: at the outer level with the transaction, inside a savepoint
  // with it (every write before the SAVEPOINT went with that statement).
  override async rollbackTransaction(): Promise<void> {
    this.deferred = [];
    if (this.transactionDepth !== 1 || this.pendingBegin === null) return super.rollbackTransaction();
    this.closed();
  }

  // The outer transaction over without a word to the server: TypeORM's own bookkeeping of its end.
  private closed(): void {
    this.pendingBegin = null;
    this.isTransactionActive = false;
    this.transactionDepth = 0;
  }

  // A write whose answer the caller does not need, inside a transaction: sent with the transaction's next
  // statement or its COMMIT. A failure surfaces there and fails the transaction, as it would have here.
  async deferWrite(text: string, values: unknown[]): Promise<void> {
    if (!this.isTransactionActive) await this.query(text, values);
    else this.deferred.push({ text, values });
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
        const result =
          begin || this.deferred.length
            ? await this.sendOwed({ text: query, values: parameters as unknown[] | undefined }, useStructuredResult)
            : await super.query(query, parameters, useStructuredResult);
        if (this.databaseConnection) usedConnections.add(this.databaseConnection);
        return result;
      } catch (e) {
        // Whatever a transaction's first statement was, it cannot have been committed: as safe to repeat as a read.
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

  // The statement with what the transaction owes before it, in one write; TypeORM's query() logging, error and
  // result shape. Should the connection be lost, what was owed stays owed for the retry on another connection.
  private async sendOwed(main: Statement, useStructuredResult: boolean): Promise<unknown> {
    const owed = [...(this.pendingBegin ? [{ text: this.pendingBegin }] : []), ...this.deferred];
    const client = (await this.connect()) as Parameters<typeof queryPipelined>[0];
    const logger = this.driver.dataSource.logger;
    const self = this as unknown as QueryRunner;
    const text = [...owed, main].map((s) => s.text).join(';\n');
    const values = [...owed, main].flatMap((s) => s.values ?? []);
    logger.logQuery(text, values, self);
    let raw;
    try {
      raw = await queryPipelined(client, owed, main);
    } catch (e) {
      if (!isConnectionLost(e)) [this.pendingBegin, this.deferred] = [null, []];
      logger.logQueryError(e as Error, text, values, self);
      throw new QueryFailedError(text, values, e as Error);
    }
    [this.pendingBegin, this.deferred] = [null, []];
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

// A write whose answer the caller does not need, in the transaction `tx` runs: sent with the transaction's next
// statement or its COMMIT (one round trip fewer), or at once where the manager's runner cannot defer.
export const deferWrite = async (tx: EntityManager, text: string, values: unknown[]): Promise<void> => {
  const runner = tx.queryRunner;
  if (runner instanceof RetryingQueryRunner) await runner.deferWrite(text, values);
  else await tx.query(text, values);
};

// The application's data source: its query runners retry as above. Installed before the pool opens.
export const withConnectionRetry = (source: DataSource): DataSource => {
  const driver = source.driver as PostgresDriver;
  driver.createQueryRunner = (mode: ReplicationMode) => new RetryingQueryRunner(driver, mode);
  return source;
};
