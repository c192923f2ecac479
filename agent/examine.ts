// Reads one file once: its size and time, its content hash (identity.ts) and its pages (pages.ts). A file
// whose size or time changed while it was read is still being written: "incomplete", read again later.
import { readFile, stat } from "node:fs/promises";
import type { PageCount } from "./counted";
import { hashBytes, hashFile, type ContentHash } from "./identity";
import { countPagesOfBytes, countPagesOfFile } from "./pages";

/** Files up to this size are read into memory once for both the hash and the count. */
const WHOLE_FILE_BYTES = 64 * 1024 * 1024;

export interface Examined {
  size: number;
  mtimeMs: number;
  hash: ContentHash;
  count: PageCount;
}

export async function statFile(path: string): Promise<{ size: number; mtimeMs: number }> {
  const s = await stat(path);
  return { size: s.size, mtimeMs: Math.trunc(s.mtimeMs) };
}

export async function examine(path: string): Promise<Examined> {
  const before = await statFile(path);
  let hash: ContentHash;
  let count: PageCount;
  if (before.size <= WHOLE_FILE_BYTES) {
    const bytes = await readFile(path);
    hash = hashBytes(bytes);
    count = await countPagesOfBytes(bytes);
  } else {
    hash = await hashFile(path);
    count = await countPagesOfFile(path);
  }
  const after = await statFile(path);
  if (after.size !== before.size || after.mtimeMs !== before.mtimeMs) {
    count = { ok: false, problem: "incomplete", detail: "the file changed while it was read", format: count.format };
  }
  return { ...before, hash, count };
}
