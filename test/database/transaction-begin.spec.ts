import { DataSource } from 'typeorm';
import { dataSourceOptions, inTransaction, withConnectionRetry } from '@dh/database';
import { asAdmin, createTestDatabase, TestDatabase } from '../setup/test-database';

// A transaction's BEGIN travels with its first statement (libs/database/src/begin-with-first.ts). What must hold
// whatever the wire carries: the first statement is inside the transaction, a failure anywhere stores nothing,
// and the connection goes back to the pool fit for the next unit of work.
describe('a transaction whose BEGIN travels with its first statement', () => {
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
});
