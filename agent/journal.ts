// The agent's durable memory: an append-only file of JSON lines, each with a checksum, fsynced before
// anything is posted. A power cut can tear only the last line; it fails its checksum on the next start and
// is dropped whole, so a file is either counted with its event queued or not at all (then it is read
// again). At start the journal is rewritten from the ledger (temp file, fsync, rename, fsync folder) when
// it was torn or has grown well past what it describes.
import { createHash } from "node:crypto";
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";
import { dirname } from "node:path";
import { apply, emptyLedger, snapshot, type JournalRecord, type Ledger } from "./ledger";

export function encodeLine(record: JournalRecord): string {
  const json = JSON.stringify(record);
  return `${checksum(json)} ${json}\n`;
}

/** The records of a journal's text; `damaged` counts lines that failed their checksum (a torn tail is one). */
export function decodeLines(text: string): { records: JournalRecord[]; damaged: number } {
  const records: JournalRecord[] = [];
  let damaged = 0;
  for (const line of text.split("\n")) {
    if (line === "") continue;
    const space = line.indexOf(" ");
    const json = line.slice(space + 1);
    if (space !== 16 || checksum(json) !== line.slice(0, 16)) {
      damaged++;
      continue;
    }
    records.push(JSON.parse(json) as JournalRecord);
  }
  return { records, damaged };
}

function checksum(json: string): string {
  return createHash("sha256").update(json).digest("hex").slice(0, 16);
}

/** Replaces `path` with `text` so that a power cut leaves either the old file or the new one. */
export function writeFileDurably(path: string, text: string, mode = 0o644): void {
  const temp = `${path}.tmp`;
  const fd = openSync(temp, "w", mode);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
  syncFolder(dirname(path));
}

function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows cannot open a folder for fsync; NTFS journals the rename itself
  }
}

export class Journal {
  private tail: Promise<void> = Promise.resolve();

  private constructor(
    private readonly handle: FileHandle,
    readonly ledger: Ledger,
    /** Lines dropped at open: a torn last write, or damage to report. */
    readonly damaged: number,
  ) {}

  /** Reads the ledger only (agent status): no lock, no rewrite. */
  static read(path: string): { ledger: Ledger; damaged: number } {
    const ledger = emptyLedger();
    if (!existsSync(path)) return { ledger, damaged: 0 };
    const { records, damaged } = decodeLines(readFileSync(path, "utf8"));
    for (const r of records) apply(ledger, r);
    return { ledger, damaged };
  }

  static async open(path: string): Promise<Journal> {
    const { ledger, damaged } = Journal.read(path);
    const lines = existsSync(path) ? readFileSync(path, "utf8").split("\n").length : 0;
    const records = snapshot(ledger);
    if (damaged > 0 || lines > 2 * records.length + 1000) writeFileDurably(path, records.map(encodeLine).join(""));
    return new Journal(await open(path, "a"), ledger, damaged);
  }

  /**
   * Applies to the ledger at once (so the next `decide` sees it, with no await between), then appends and
   * fsyncs, one append after another in call order. An event may be posted before its line is on disk: if
   * the power goes then, the file is read again and gives the same event id, a duplicate for the server.
   */
  append(records: readonly JournalRecord[]): Promise<void> {
    for (const r of records) apply(this.ledger, r);
    const run = this.tail.then(async () => {
      if (records.length === 0) return;
      await this.handle.appendFile(records.map(encodeLine).join(""));
      await this.handle.sync();
    });
    this.tail = run.catch(() => {});
    return run;
  }

  async close(): Promise<void> {
    await this.tail;
    await this.handle.close();
  }
}
