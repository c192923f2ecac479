// What makes a file's pages "the same pages": its content. The event id of a file's contribution comes
// from the SHA-256 of its bytes, not from its path, size or time, so a restart, a re-scan of the folder or
// a copied folder (a new path, maybe a new mtime) gives the same id and the server counts it once
// (POST /counters dedups by id). A file replaced by a rescan with more pages posts the difference under an
// id made from both versions, so it is stable too. Ids stay within the API's 64 characters.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";

export type ContentHash = string;

export function hashBytes(bytes: Uint8Array): ContentHash {
  return createHash("sha256").update(bytes).digest("hex");
}

export async function hashFile(path: string): Promise<ContentHash> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** `pg-` + 160 bits: the id of the pages first counted for `content`, or of the pages it adds to `replaces`. */
export function eventId(content: ContentHash, replaces?: ContentHash): string {
  const source = replaces === undefined ? content : `${content}\u0000replaces\u0000${replaces}`;
  return `pg-${createHash("sha256").update(`pages\u0000${source}`).digest("hex").slice(0, 40)}`;
}
