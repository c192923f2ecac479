// The tables of a project's live store (store.ts) in its Durable Object's SQLite, created on every start:
// an object made by an older build gains here what it lacks, so no object needs a migration step.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  station TEXT NOT NULL, fonds TEXT NOT NULL, kind TEXT NOT NULL,
  delta INTEGER NOT NULL, at INTEGER NOT NULL, day TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS cells (
  fonds TEXT NOT NULL, kind TEXT NOT NULL, station TEXT NOT NULL, day TEXT NOT NULL,
  amount INTEGER NOT NULL, changed_seq INTEGER NOT NULL,
  PRIMARY KEY (fonds, kind, station, day)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS cells_changed ON cells (changed_seq);
-- Pruning by age (store.ts pruneBefore). An object created before it builds it once, on its first start.
CREATE INDEX IF NOT EXISTS events_day ON events (day);
-- Per fonds, the last pruned event: store.ts lastVisible must answer as if it were still there.
CREATE TABLE IF NOT EXISTS pruned_last (fonds TEXT PRIMARY KEY, seq INTEGER NOT NULL, at INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS stations_seen (station TEXT PRIMARY KEY, last_at INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
`;

export function createTables(sql: SqlStorage): void {
  sql.exec(SCHEMA);
  // Objects created before stations were told apart by what posted for them gain the column here.
  const columns = sql.exec<{ name: string }>("SELECT name FROM pragma_table_info('stations_seen')").toArray().map((c) => c.name);
  if (!columns.includes("client")) sql.exec("ALTER TABLE stations_seen ADD COLUMN client TEXT");
}
