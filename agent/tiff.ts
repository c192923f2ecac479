// Pages of a TIFF: the IFDs of its main chain (TIFF 6.0 §2; BigTIFF when the version is 43). Only the
// headers are read, never the image data, and each page's strips or tiles must lie inside the file, so a
// TIFF still being written is "incomplete", never counted short. Reduced-resolution IFDs (thumbnails,
// NewSubfileType bit 0) are not pages; SubIFDs are not in the main chain and are not followed.
import { PageCountError } from "./counted";
import type { ByteSource } from "./source";

/** A chain longer than this is taken for a corrupt file rather than read on. */
const MAX_PAGES = 100_000;

const TAG_NEW_SUBFILE_TYPE = 254;
const TAG_STRIP_OFFSETS = 273;
const TAG_STRIP_BYTE_COUNTS = 279;
const TAG_TILE_OFFSETS = 324;
const TAG_TILE_BYTE_COUNTS = 325;
/** Field type → bytes per value (SHORT, LONG, LONG8, IFD, IFD8 are the ones offsets use). */
const TYPE_SIZE: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4, 16: 8, 17: 8, 18: 8 };

interface Layout {
  little: boolean;
  big: boolean;
}

interface Entry {
  type: number;
  count: number;
  /** The value bytes when they fit in the entry, else null and `offset` says where they are. */
  inline: Uint8Array | null;
  offset: number;
}

export function isTiff(head: Uint8Array): boolean {
  const order = head[0] === 0x49 && head[1] === 0x49 ? true : head[0] === 0x4d && head[1] === 0x4d ? false : null;
  if (order === null || head.length < 4) return false;
  const version = order ? head[2]! | (head[3]! << 8) : (head[2]! << 8) | head[3]!;
  return version === 42 || version === 43;
}

export async function countTiffPages(source: ByteSource): Promise<number> {
  const head = await readRange(source, 0, 16, "header");
  if (!isTiff(head)) throw new PageCountError("corrupt", "not a TIFF header");
  const layout: Layout = { little: head[0] === 0x49, big: uint(head, 2, 2, head[0] === 0x49) === 43 };
  let next = layout.big ? uint(head, 8, 8, layout.little) : uint(head, 4, 4, layout.little);
  const seen = new Set<number>();
  let pages = 0;
  while (next !== 0) {
    if (seen.has(next)) throw new PageCountError("corrupt", `IFD chain loops back to offset ${next}`);
    if (seen.size >= MAX_PAGES) throw new PageCountError("corrupt", `more than ${MAX_PAGES} IFDs`);
    seen.add(next);
    const { entries, nextOffset } = await readIfd(source, layout, next);
    if (await isPage(source, layout, entries)) pages++;
    next = nextOffset;
  }
  if (pages === 0) throw new PageCountError("corrupt", "no image in the IFD chain");
  return pages;
}

async function readIfd(source: ByteSource, layout: Layout, at: number): Promise<{ entries: Map<number, Entry>; nextOffset: number }> {
  const countSize = layout.big ? 8 : 2;
  const entrySize = layout.big ? 20 : 12;
  const countBytes = await readRange(source, at, countSize, "IFD");
  const n = uint(countBytes, 0, countSize, layout.little);
  if (n === 0 || n > 4096) throw new PageCountError("corrupt", `IFD at ${at} has ${n} entries`);
  const body = await readRange(source, at + countSize, n * entrySize + (layout.big ? 8 : 4), "IFD");
  const entries = new Map<number, Entry>();
  const valueSize = layout.big ? 8 : 4;
  for (let i = 0; i < n; i++) {
    const e = i * entrySize;
    const tag = uint(body, e, 2, layout.little);
    const type = uint(body, e + 2, 2, layout.little);
    const count = uint(body, e + 4, layout.big ? 8 : 4, layout.little);
    const valueAt = e + (layout.big ? 12 : 8);
    const bytes = (TYPE_SIZE[type] ?? 0) * count;
    const fits = bytes <= valueSize;
    entries.set(tag, { type, count, inline: fits ? body.subarray(valueAt, valueAt + valueSize) : null, offset: fits ? 0 : uint(body, valueAt, valueSize, layout.little) });
  }
  return { entries, nextOffset: uint(body, n * entrySize, layout.big ? 8 : 4, layout.little) };
}

/** A full-resolution image whose data lies wholly inside the file. */
async function isPage(source: ByteSource, layout: Layout, entries: Map<number, Entry>): Promise<boolean> {
  const subfile = entries.get(TAG_NEW_SUBFILE_TYPE);
  if (subfile && ((await values(source, layout, subfile))[0] ?? 0) & 1) return false;
  const tiled = entries.has(TAG_TILE_OFFSETS);
  const offsets = entries.get(tiled ? TAG_TILE_OFFSETS : TAG_STRIP_OFFSETS);
  const counts = entries.get(tiled ? TAG_TILE_BYTE_COUNTS : TAG_STRIP_BYTE_COUNTS);
  if (!offsets || !counts) throw new PageCountError("corrupt", "an image without strip or tile offsets");
  const starts = await values(source, layout, offsets);
  const lengths = await values(source, layout, counts);
  if (starts.length !== lengths.length) throw new PageCountError("corrupt", "strip offsets and byte counts differ in number");
  for (let i = 0; i < starts.length; i++) {
    if (starts[i]! + lengths[i]! > source.size) throw new PageCountError("incomplete", `image data ends past the end of the file (${source.size} bytes)`);
  }
  return true;
}

async function values(source: ByteSource, layout: Layout, entry: Entry): Promise<number[]> {
  const width = TYPE_SIZE[entry.type];
  if (width !== 2 && width !== 4 && width !== 8) throw new PageCountError("corrupt", `unexpected field type ${entry.type}`);
  if (entry.count > 1_000_000) throw new PageCountError("corrupt", `${entry.count} strips`);
  const bytes = entry.inline ?? (await readRange(source, entry.offset, width * entry.count, "strip table"));
  const out: number[] = [];
  for (let i = 0; i < entry.count; i++) out.push(uint(bytes, i * width, width, layout.little));
  return out;
}

async function readRange(source: ByteSource, position: number, length: number, what: string): Promise<Uint8Array> {
  if (position + length > source.size) throw new PageCountError("incomplete", `${what} at ${position} ends past the end of the file (${source.size} bytes)`);
  return source.read(position, length);
}

/** Unsigned integer of 1, 2, 4 or 8 bytes; 8-byte values beyond 2^53 are no real offset and read as corrupt. */
function uint(bytes: Uint8Array, at: number, width: number, little: boolean): number {
  let value = 0;
  for (let i = 0; i < width; i++) {
    const b = bytes[little ? at + width - 1 - i : at + i]!;
    value = value * 256 + b;
  }
  if (!Number.isSafeInteger(value)) throw new PageCountError("corrupt", "offset beyond 2^53");
  return value;
}
