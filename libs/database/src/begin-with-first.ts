import { Connection, Query, QueryResult } from 'pg';

type Protocol = { prepare: (this: Query, connection: Connection) => void };
type Messages = Connection & {
  parse: (m: { text: string }) => void;
  bind: (m: object) => void;
  execute: (m: object) => void;
};

// A transaction's BEGIN sent in the same write as its first statement: Parse, Bind and Execute of BEGIN, then the
// statement's own messages and one Sync. The server runs them in order and answers once, so a transaction costs
// one round trip less. Should the statement fail, BEGIN has run: the transaction is open and aborted, and the
// caller's ROLLBACK ends it as it would any other.
class AfterBegin extends Query {
  constructor(
    private readonly begin: string,
    text: string,
    values: unknown[] | undefined,
    callback: (error: Error | undefined, result: QueryResult | QueryResult[]) => void,
  ) {
    super({ text, values, queryMode: 'extended' } as never, callback as never);
  }

  // Called by pg's Query.submit for every extended-protocol query, between its cork and uncork of the socket.
  prepare(connection: Messages): void {
    connection.parse({ text: this.begin });
    connection.bind({});
    connection.execute({});
    (Query.prototype as unknown as Protocol).prepare.call(this, connection);
  }
}

// The statement's result: pg answers with one result per command, BEGIN's first.
export const queryAfterBegin = (
  client: { query: (q: Query) => unknown },
  begin: string,
  text: string,
  values: unknown[] | undefined,
): Promise<QueryResult> =>
  new Promise((resolve, reject) => {
    client.query(
      new AfterBegin(begin, text, values, (error, result) => {
        if (error) reject(error);
        else resolve(Array.isArray(result) ? result[result.length - 1] : result);
      }),
    );
  });
