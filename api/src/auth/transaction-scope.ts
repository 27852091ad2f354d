import { Client, Query } from 'pg';

// The jurisdiction setting (app.scope_path, read by row-level security) travels with every
// statement of a scoped connection as a transaction-local setting: `set_config(..., true)` runs
// in the same implicit transaction as the statement (both before one Sync of the extended
// protocol: one round trip), or inside the explicit transaction the statement belongs to. No
// connection ever holds a scope beyond one transaction, so a transaction-pooling PgBouncer may
// hand the server connection to another client between any two statements without leaking it.
// See docs/decisions/0900-per-transaction-scope.md.

/** Returns no row (set_config's result is never null) so the statement's result stays alone. */
const SET_SCOPE = `select where set_config('app.scope_path', $1, true) is null`;

/** Statements that start or end a transaction: a setting before them would be lost or refused. */
const TRANSACTION_CONTROL = /^\s*(begin|start\s+transaction|commit|end|rollback|abort|savepoint|release|set\s+transaction|prepare\s+transaction)\b/i;

const SCOPE = Symbol('app.scope_path');

type ScopedClient = Client & { [SCOPE]?: string };

interface QueryInternals {
  prepare(connection: unknown): void;
  handleCommandComplete(message: unknown, connection: unknown): void;
}

interface ProtocolConnection {
  parse(config: { text: string; name: string; types: unknown[] }): void;
  bind(config: { portal: string; statement: string; values: unknown[] }): void;
  execute(config: { portal: string; rows: number }): void;
}

/** One statement preceded, in the same pipeline and implicit transaction, by the scope setting. */
class ScopedQuery extends Query {
  private scopeCompletionPending = true;

  constructor(
    private readonly scopePath: string,
    text: string,
    values: unknown[] | undefined,
    callback: (error: Error | null, result: unknown) => void,
  ) {
    super({ text, values: values ?? [], queryMode: 'extended', callback } as never);
  }

  prepare(connection: ProtocolConnection): void {
    connection.parse({ text: SET_SCOPE, name: '', types: [] });
    connection.bind({ portal: '', statement: '', values: [this.scopePath] });
    connection.execute({ portal: '', rows: 0 });
    (Query.prototype as unknown as QueryInternals).prepare.call(this, connection);
  }

  handleCommandComplete(message: unknown, connection: unknown): void {
    // the scope setting's own "SELECT 0" is not part of the statement's result
    if (this.scopeCompletionPending) {
      this.scopeCompletionPending = false;
      return;
    }
    (Query.prototype as unknown as QueryInternals).handleCommandComplete.call(this, message, connection);
  }
}

function scopedClientQuery(this: ScopedClient, config: unknown, values?: unknown, callback?: unknown): unknown {
  const scopePath = this[SCOPE];
  // Client.prototype.query is looked up at each call: whoever wraps it (a test counting
  // statements) sees every statement, with its own text.
  const plain = () => (Client.prototype.query as (...args: unknown[]) => unknown).call(this, config, values, callback);
  if (scopePath === undefined || typeof config !== 'string' || typeof values === 'function' || callback !== undefined) return plain();
  if (TRANSACTION_CONTROL.test(config)) return plain();
  return new Promise((resolve, reject) => {
    const query = new ScopedQuery(scopePath, config, values as unknown[] | undefined, (error, result) => (error ? reject(error) : resolve(result)));
    (Client.prototype.query as (...args: unknown[]) => unknown).call(this, query);
  });
}

/**
 * Makes every following statement on `connection` (a pg client of the request pool) run with
 * `scopePath` ('' = no jurisdiction: row-level security shows nothing) for its transaction only.
 */
export function scopeStatements(connection: object, scopePath: string): void {
  const client = connection as ScopedClient;
  if (client.query !== scopedClientQuery) client.query = scopedClientQuery as ScopedClient['query'];
  client[SCOPE] = scopePath;
}
