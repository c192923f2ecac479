// What the agent has counted, as plain data rebuilt from the journal (journal.ts): which content each
// path last had, how many pages each content is credited with, which events are still to post and which
// the server refused. `decide` is the counting rule, a pure function of this state.
import { eventId, type ContentHash } from "./identity";

export interface CounterEvent {
  id: string;
  fonds: string;
  kind: "pages";
  delta: number;
  /** The file's modification time: the pages count on the day they were scanned, however late they are sent. */
  at?: string;
}

export interface FileSeen {
  path: string;
  size: number;
  mtimeMs: number;
  hash: ContentHash;
}

export interface ContentCredit {
  hash: ContentHash;
  fonds: string;
  pages: number;
  /** Pages posted for the file this content is a version of, up to and including it (never falls). */
  credited: number;
}

export interface Refusal {
  event: CounterEvent;
  status: number;
  message: string;
  at: string;
}

/** One journal record; every field optional so one line can say "seen, counted, to post" atomically. */
export interface JournalRecord {
  /** Pages the server has taken in all, carried across a compaction. */
  posted?: number;
  file?: FileSeen;
  count?: ContentCredit;
  post?: CounterEvent;
  sent?: string[];
  refused?: Refusal[];
}

export interface Ledger {
  files: Map<string, FileSeen>;
  contents: Map<ContentHash, ContentCredit>;
  pending: Map<string, CounterEvent>;
  refused: Map<string, Refusal>;
  postedPages: number;
}

export function emptyLedger(): Ledger {
  return { files: new Map(), contents: new Map(), pending: new Map(), refused: new Map(), postedPages: 0 };
}

export function apply(ledger: Ledger, record: JournalRecord): void {
  if (record.posted !== undefined) ledger.postedPages = record.posted;
  if (record.file) ledger.files.set(record.file.path, record.file);
  if (record.count) ledger.contents.set(record.count.hash, record.count);
  if (record.post) ledger.pending.set(record.post.id, record.post);
  for (const id of record.sent ?? []) {
    const event = ledger.pending.get(id);
    if (event) ledger.postedPages += event.delta;
    ledger.pending.delete(id);
  }
  for (const r of record.refused ?? []) {
    ledger.pending.delete(r.event.id);
    ledger.refused.set(r.event.id, r);
  }
}

/** A file whose size and mtime are what the journal has for its path was already read: not hashed again. */
export function unchanged(ledger: Ledger, path: string, size: number, mtimeMs: number): boolean {
  const f = ledger.files.get(path);
  return f !== undefined && f.size === size && f.mtimeMs === mtimeMs;
}

/** The ledger as few records as replay needs: what a compacted journal holds. */
export function snapshot(ledger: Ledger): JournalRecord[] {
  return [
    { posted: ledger.postedPages },
    ...[...ledger.files.values()].map((file) => ({ file })),
    ...[...ledger.contents.values()].map((count) => ({ count })),
    ...[...ledger.pending.values()].map((post) => ({ post })),
    ...[...ledger.refused.values()].map((r) => ({ refused: [r] })),
  ];
}

export type Decision =
  /** This content was counted before (a restart, a re-scan, a copy): nothing to post. */
  | { type: "known"; record: JournalRecord; countedAs: ContentCredit }
  | { type: "post"; record: JournalRecord; event: CounterEvent; replaced: ContentCredit | null }
  /** A replaced file with no more pages than were already posted for it: nothing is posted, ever negative. */
  | { type: "not_more"; record: JournalRecord; replaced: ContentCredit };

export function decide(ledger: Ledger, file: FileSeen, fonds: string, pages: number, at: string | undefined): Decision {
  const known = ledger.contents.get(file.hash);
  if (known) return { type: "known", record: { file }, countedAs: known };
  const previousHash = ledger.files.get(file.path)?.hash;
  const replaced = previousHash === undefined ? undefined : ledger.contents.get(previousHash);
  const before = replaced?.credited ?? 0;
  const count: ContentCredit = { hash: file.hash, fonds, pages, credited: Math.max(before, pages) };
  if (replaced && pages <= before) return { type: "not_more", record: { file, count }, replaced };
  const event: CounterEvent = { id: eventId(file.hash, replaced?.hash), fonds, kind: "pages", delta: pages - before, ...(at ? { at } : {}) };
  return { type: "post", record: { file, count, post: event }, event, replaced: replaced ?? null };
}
