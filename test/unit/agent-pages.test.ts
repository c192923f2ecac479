import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PDFDocument } from "pdf-lib";
import { afterAll, describe, expect, it } from "vitest";
import { examine } from "../../agent/examine";
import { countPagesOfBytes, countPagesOfFile } from "../../agent/pages";
import { JPEG, pdf, tiff } from "./agent-files";

const dir = mkdtempSync(join(tmpdir(), "agent-pages-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

describe("page counting on real files", () => {
  it.each([
    ["a single-page TIFF", tiff({ pages: 1 }), 1],
    ["a 37-page TIFF", tiff({ pages: 37 }), 37],
    ["a big-endian TIFF", tiff({ pages: 5, bigEndian: true }), 5],
    ["a BigTIFF", tiff({ pages: 4, bigTiff: true }), 4],
    ["a big-endian BigTIFF with its IFDs first", tiff({ pages: 3, bigTiff: true, bigEndian: true, ifdsFirst: true }), 3],
    ["a TIFF with a thumbnail IFD, which is not a page", tiff({ pages: 2, thumbnail: true }), 2],
    ["a hand-written 12-page PDF", pdf({ pages: 12 }), 12],
  ])("counts %s exactly", async (name, bytes, pages) => {
    const path = file(`${name.replace(/\W+/g, "-")}.bin`, bytes);
    expect(await countPagesOfFile(path)).toMatchObject({ ok: true, pages });
    expect((await examine(path)).count).toMatchObject({ ok: true, pages });
  });

  it("counts a PDF written by pdf-lib with object streams", async () => {
    const doc = await PDFDocument.create();
    for (let i = 0; i < 9; i++) doc.addPage();
    const path = file("pdf-lib.pdf", await doc.save({ useObjectStreams: true }));
    expect(await countPagesOfFile(path)).toMatchObject({ ok: true, format: "pdf", pages: 9 });
  });

  it("counts a JPEG as one page once its end marker is written", async () => {
    expect(await countPagesOfBytes(JPEG)).toMatchObject({ ok: true, pages: 1 });
    expect(await countPagesOfBytes(JPEG.subarray(0, 12))).toMatchObject({ ok: false, problem: "incomplete" });
  });

  it("reports a half-written TIFF as incomplete, whether the cut falls in the IFD chain or in the image data", async () => {
    const chained = tiff({ pages: 20 });
    expect(await countPagesOfFile(file("half.tif", chained.subarray(0, chained.length / 2)))).toMatchObject({ ok: false, problem: "incomplete" });
    const ifdsFirst = tiff({ pages: 20, ifdsFirst: true });
    expect(await countPagesOfFile(file("half-ifds-first.tif", ifdsFirst.subarray(0, ifdsFirst.length - 10)))).toMatchObject({ ok: false, problem: "incomplete" });
  });

  it("reports a half-written PDF as incomplete rather than counting the pages it has so far", async () => {
    const whole = pdf({ pages: 30 });
    expect(await countPagesOfFile(file("half.pdf", whole.subarray(0, Math.floor(whole.length * 0.7))))).toMatchObject({ ok: false, problem: "incomplete" });
  });

  it("reports corrupt files as corrupt, never a guessed count", async () => {
    const looped = tiff({ pages: 2 });
    // The second IFD's next-IFD offset points back to the first.
    new DataView(looped.buffer).setUint32(looped.length - 4, new DataView(looped.buffer).getUint32(4, true), true);
    expect(await countPagesOfBytes(looped)).toMatchObject({ ok: false, problem: "corrupt" });
    const garbage = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(500, 0x41), Buffer.from("\n%%EOF\n")]);
    expect(await countPagesOfFile(file("garbage.pdf", garbage))).toMatchObject({ ok: false, problem: "corrupt" });
    const noImage = tiff({ pages: 1 });
    noImage.set([0, 0], new DataView(noImage.buffer).getUint32(4, true)); // the first IFD has no entries
    expect(await countPagesOfBytes(noImage)).toMatchObject({ ok: false, problem: "corrupt" });
    expect(await countPagesOfFile(file("notes.tif", Buffer.from("not an image at all")))).toMatchObject({ ok: false, problem: "unsupported" });
  });

  it("reports an encrypted PDF as encrypted", async () => {
    expect(await countPagesOfFile(file("secret.pdf", pdf({ pages: 3, encrypt: true })))).toMatchObject({ ok: false, problem: "encrypted" });
  });
});
