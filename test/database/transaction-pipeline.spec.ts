import { DataSource } from 'typeorm';
import { dataSourceOptions, deferWrite, inTransaction, withConnectionRetry } from '@dh/database';
import { asAdmin, createTestDatabase, TestDatabase } from '../setup/test-database';

// A transaction's BEGIN travels with its first statement, and a deferred write with the next statement or the
// COMMIT (libs/database/src/pipeline.ts). What must hold whatever the wire carries: every statement is inside the
// transaction, a failure anywhere stores nothing, and the connection goes back to the pool fit for the next unit of
// work.
describe('a transaction whose statements travel together', () => {
  let db: TestDatabase;
  let sut: DataSource;
  const rows = async () =>
    (await asAdmin((c) => c.query<{ n: number }>('SELECT n FROM probe ORDER BY n'), db.name)).rows.map((r) => r.n);

  beforeAll(async () => {
    db = await createTestDatabase();
    await asAdmin((c) => c.query('CREATE TABLE probe (n int PRIMARY KEY)'), db.name);
    // One connection: every unit of work below reuses the one the previous left behind.
    const options = dataSourceOptions({ url: db.url, embedded: false });
    sut = withConnectionRetry(new DataSource({ ...options, extra: { max: 1 }, logging: false }));
    await sut.initialize();
  });

  afterAll(async () => {
    await sut?.destroy();
    await db?.drop();
  });

  beforeEach(() => asAdmin((c) => c.query('TRUNCATE probe'), db.name));

  it('keeps the first statement inside the transaction: a later failure takes it back too', async () => {
    await expect(
      inTransaction(sut, async (tx) => {
        await tx.query('INSERT INTO probe VALUES (1)');
        await tx.query('INSERT INTO probe VALUES (1)');
      }),
    ).rejects.toThrow(/duplicate key/);
    expect(await rows()).toEqual([]);
  });

  it('answers the first statement with its own rows, and commits what the work wrote', async () => {
    const answer = await inTransaction(sut, async (tx) => {
      const inserted: { n: number }[] = await tx.query('INSERT INTO probe VALUES ($1), ($2) RETURNING n', [2, 3]);
      const [{ open }] = await tx.query(`SELECT now() = statement_timestamp() AS open`);
      return { inserted, open };
    });
    expect(answer.inserted.map((r) => r.n)).toEqual([2, 3]);
    // now() is the transaction's start: it differs from the statement's time only inside a transaction.
    expect(answer.open).toBe(false);
    expect(await rows()).toEqual([2, 3]);
  });

  it('rolls back a transaction whose first statement fails, and the connection serves the next one', async () => {
    await expect(inTransaction(sut, (tx) => tx.query('SELECT n FROM no_such_table'))).rejects.toThrow(/no_such_table/);
    await inTransaction(sut, (tx) => tx.query('INSERT INTO probe VALUES (4)'));
    expect(await rows()).toEqual([4]);
  });

  it('starts the transaction at the isolation level asked for', async () => {
    const level = await sut.transaction('REPEATABLE READ', async (tx) => {
      const [{ transaction_isolation }] = await tx.query('SHOW transaction_isolation');
      return transaction_isolation as string;
    });
    expect(level).toBe('repeatable read');
  });

  it('ends a transaction that sent no statement without troubling the connection', async () => {
    await expect(inTransaction(sut, async () => 'nothing')).resolves.toBe('nothing');
    await expect(
      inTransaction(sut, async () => {
        throw new Error('refused before any statement');
      }),
    ).rejects.toThrow('refused before any statement');
    const [{ open }] = await sut.query(`SELECT now() = statement_timestamp() AS open`);
    expect(open).toBe(true); // outside any transaction: the pool's connection was not left inside one
  });

  it('shows a deferred write to the statements after it, and commits it with the transaction', async () => {
    const seen = await inTransaction(sut, async (tx) => {
      await tx.query('INSERT INTO probe VALUES (5)');
      await deferWrite(tx, 'INSERT INTO probe VALUES ($1)', [6]);
      const [{ n }] = await tx.query('SELECT count(*)::int AS n FROM probe');
      await deferWrite(tx, 'INSERT INTO probe VALUES ($1)', [7]);
      return n as number;
    });
    expect(seen).toBe(2);
    expect(await rows()).toEqual([5, 6, 7]);
  });

  it('fails the transaction whose deferred write fails, at its COMMIT, and stores nothing of it', async () => {
    await expect(
      inTransaction(sut, async (tx) => {
        await tx.query('INSERT INTO probe VALUES (8)');
        await deferWrite(tx, 'INSERT INTO probe VALUES ($1)', [8]);
      }),
    ).rejects.toThrow(/duplicate key/);
    expect(await rows()).toEqual([]);
    await inTransaction(sut, (tx) => deferWrite(tx, 'INSERT INTO probe VALUES ($1)', [9]));
    expect(await rows()).toEqual([9]);
  });

  it('fails at the next statement when a deferred write before it failed, and runs nothing after it', async () => {
    await expect(
      inTransaction(sut, async (tx) => {
        await tx.query('INSERT INTO probe VALUES (10)');
        await deferWrite(tx, 'INSERT INTO probe VALUES ($1)', [10]);
        await tx.query('INSERT INTO probe VALUES (11)');
      }),
    ).rejects.toThrow(/duplicate key/);
    expect(await rows()).toEqual([]);
  });

  it('drops the deferred writes of a savepoint rolled back, and keeps those before it', async () => {
    await inTransaction(sut, async (tx) => {
      await deferWrite(tx, 'INSERT INTO probe VALUES ($1)', [12]);
      await expect(
        tx.transaction(async (inner) => {
          await deferWrite(inner, 'INSERT INTO probe VALUES ($1)', [13]);
          throw new Error('the inner work gives up');
        }),
      ).rejects.toThrow('the inner work gives up');
      await deferWrite(tx, 'INSERT INTO probe VALUES ($1)', [14]);
    });
    expect(await rows()).toEqual([12, 14]);
  });

  it('writes at once outside a transaction', async () => {
    await deferWrite(sut.manager, 'INSERT INTO probe VALUES ($1)', [15]);
    expect(await rows()).toEqual([15]);
  });
});
