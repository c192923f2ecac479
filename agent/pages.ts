// One file → its page count, by what the bytes are (not the extension: scan tools name files freely).
// TIFF: tiff.ts; PDF: pdf.ts; a JPEG or PNG is one page once its end marker is written.
import { readFile } from "node:fs/promises";
import { PageCountError, type Format, type PageCount } from "./counted";
import { countPdfPages, isPdf } from "./pdf";
import { bufferSource, withFileSource, type ByteSource } from "./source";
import { countTiffPages, isTiff } from "./tiff";

/** File names the watcher looks at; anything else in a scan folder (thumbs.db, .xml sidecars) is skipped. */
export const COUNTED_EXTENSIONS = [".tif", ".tiff", ".pdf", ".jpg", ".jpeg", ".png"];

export function isCountedName(name: string): boolean {
  const lower = name.toLowerCase();
  return COUNTED_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

export function sniff(head: Uint8Array): Format | null {
  if (isTiff(head)) return "tiff";
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return "jpeg";
  if (head[0] === 0x89 && head[1] === 0x50 && head[2] === 0x4e && head[3] === 0x47) return "png";
  if (isPdf(head)) return "pdf";
  return null;
}

export async function countPages(source: ByteSource, wholeFile: () => Promise<Uint8Array>): Promise<PageCount> {
  let format: Format | null = null;
  try {
    if (source.size === 0) throw new PageCountError("incomplete", "empty file");
    format = sniff(await source.read(0, Math.min(source.size, 1024)));
    switch (format) {
      case "tiff":
        return { ok: true, format, pages: await countTiffPages(source) };
      case "pdf":
        return { ok: true, format, pages: await countPdfPages(await wholeFile()) };
      case "jpeg":
      case "png":
        await checkEndMarker(source, format);
        return { ok: true, format, pages: 1 };
      case null:
        throw new PageCountError("unsupported", "neither TIFF, PDF, JPEG nor PNG");
    }
  } catch (err) {
    if (err instanceof PageCountError) return { ok: false, problem: err.problem, detail: err.message, format };
    throw err;
  }
}

export function countPagesOfBytes(bytes: Uint8Array): Promise<PageCount> {
  return countPages(bufferSource(bytes), async () => bytes);
}

export function countPagesOfFile(path: string): Promise<PageCount> {
  return withFileSource(path, (source) => countPages(source, () => readFile(path)));
}

/** JPEG ends with EOI (FF D9), PNG with its IEND chunk; a few bytes of padding after are allowed. */
async function checkEndMarker(source: ByteSource, format: "jpeg" | "png"): Promise<void> {
  const n = Math.min(source.size, 64);
  const tail = Buffer.from(await source.read(source.size - n, n));
  const found = format === "jpeg" ? tail.includes(Buffer.from([0xff, 0xd9])) : tail.includes("IEND");
  if (!found) throw new PageCountError("incomplete", `the ${format.toUpperCase()} has no end marker yet`);
}
