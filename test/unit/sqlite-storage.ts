// The part of a Durable Object's storage that worker/live/store.ts uses (sql.exec, transactionSync), over
// Node's own SQLite, so the store's rules run in plain Node. Integration tests keep the real object.
interface Statement {
  all(...params: unknown[]): Record<string, unknown>[];
}
interface Database {
  exec(sql: string): void;
  prepare(sql: string): Statement;
}

export async function sqliteStorage(): Promise<DurableObjectStorage> {
  // Imported by name so the type check, which sees Workers' types and not Node's, leaves it alone.
  const { DatabaseSync } = (await import("node:sqlite" as string)) as { DatabaseSync: new (path: string) => Database };
  const db = new DatabaseSync(":memory:");
  const sql = {
    exec(query: string, ...params: unknown[]) {
      // Several statements at once (the store's schema) take no parameters, as in the Workers runtime.
      const rows = params.length === 0 && query.trim().replace(/;$/, "").includes(";") ? (db.exec(query), []) : db.prepare(query).all(...params);
      return { toArray: () => rows };
    },
  };
  const transactionSync = <T>(fn: () => T): T => {
    db.exec("BEGIN");
    try {
      const result = fn();
      db.exec("COMMIT");
      return result;
    } catch (err) {
      db.exec("ROLLBACK");
      throw err;
    }
  };
  return { sql, transactionSync } as unknown as DurableObjectStorage;
}
