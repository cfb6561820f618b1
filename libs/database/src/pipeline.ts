import { Connection, Query, QueryResult } from 'pg';
// pg's own conversion of a JS value to a parameter (dates, arrays, JSON), as its queries use it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { prepareValue } = require('pg/lib/utils') as { prepareValue: (value: unknown) => unknown };

export type Statement = { text: string; values?: unknown[] };

type Protocol = { prepare: (this: Query, connection: Connection) => void };
type Messages = Connection & {
  parse: (m: { text: string }) => void;
  bind: (m: object) => void;
  execute: (m: object) => void;
  sync: () => void;
};

const send = (connection: Messages, s: Statement): void => {
  connection.parse({ text: s.text });
  connection.bind({ values: s.values ?? [], valueMapper: prepareValue });
  connection.execute({});
};

// Statements sent in one write with one Sync: those owed before the statement (a transaction's BEGIN, writes whose
// answer nobody waits for), the statement itself, and those that go after it (COMMIT). The server runs them in
// order and answers once: one round trip where there were several. If one fails, the server skips the rest up to
// the Sync, so nothing after a failed statement runs, a COMMIT least of all; the transaction is left open and
// aborted, and the caller's ROLLBACK ends it as it would any other.
class Pipelined extends Query {
  constructor(
    private readonly before: Statement[],
    main: Statement,
    private readonly after: Statement[],
    callback: (error: Error | undefined, result: QueryResult | QueryResult[]) => void,
  ) {
    super({ text: main.text, values: main.values, queryMode: 'extended' } as never, callback as never);
  }

  // Called by pg's Query.submit for an extended-protocol query, between its cork and uncork of the socket.
  prepare(connection: Messages): void {
    for (const s of this.before) send(connection, s);
    (Query.prototype as unknown as Protocol).prepare.call(this, connection);
  }

  // pg's own sends the Execute and the Sync; the statements after go between them.
  _getRows(connection: Messages): void {
    connection.execute({});
    for (const s of this.after) send(connection, s);
    connection.sync();
  }
}

// The main statement's result: pg answers with one result per statement, in the order sent.
export const queryPipelined = (
  client: { query: (q: Query) => unknown },
  before: Statement[],
  main: Statement,
  after: Statement[] = [],
): Promise<QueryResult> =>
  new Promise((resolve, reject) => {
    client.query(
      new Pipelined(before, main, after, (error, result) => {
        if (error) reject(error);
        else resolve(Array.isArray(result) ? result[before.length] : result);
      }),
    );
  });
