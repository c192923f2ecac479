// The report as the PDF Chromium prints from its print layout, opened and read back: pdfjs-dist (the
// PDF reader Firefox ships) extracts its text and renders its first page to a canvas for a person to
// look at. The figures are seed 001's: the 2021 results of Hà Tĩnh, replayed as counters.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { hasChromium, launch, newPage, operator, signedInPage } from "./browser";

/** Seed 001 as pasted: [STT, name, files, documents, pages] as written, then the totals row. */
const SEED = readFileSync(new URL("../../../shared/fixtures/hatinh-2021-results.tsv", import.meta.url), "utf8").trim();
const rows = SEED.split("\n").slice(1).map((l) => l.split("\t"));

const vietnamDay = (offsetDays = 0) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(Date.now() + offsetDays * 86_400_000);

/**
 * A project whose plan is seed 001's table and whose counters add up to it exactly. The server refuses
 * counters older than 90 days, so the replayed year is counted within the last month; the project runs
 * over that month alone, so the report over it plans and finds each fonds' whole year.
 */
/** A province of its own, so the demo province's projects (its wall, its overview) stay as other files expect. */
const REPLAY_PROVINCE = "ha-tinh-phat-lai";
/** The demo supervisor's role there, taken back when the file ends. */
let granted: string | null = null;

async function replay2021(): Promise<{ projectId: string; reportId: string }> {
  const projectId = `ht2021-${crypto.randomUUID().slice(0, 8)}`;
  const [from, to] = [vietnamDay(-30), vietnamDay()];
  await operator("POST", "/provinces", { id: REPLAY_PROVINCE, name: "Hà Tĩnh" });
  granted = ((await operator("POST", `/provinces/${REPLAY_PROVINCE}/members`, { email: "giamsat.hatinh@demo.vn", role: "supervisor" })) as { userId: string }).userId;
  await operator("POST", `/provinces/${REPLAY_PROVINCE}/projects`, { id: projectId, name: "Số hóa tài liệu năm 2021 (phát lại)", legalBasis: "Quyết định số 4020/QĐ-UBND ngày 25/11/2020", periodStart: from, periodEnd: to });
  await operator("POST", `/projects/${projectId}/plan/import`, { table: SEED });
  const station = (await operator("POST", `/projects/${projectId}/stations`, { name: "Máy quét 01" })) as { token: string };
  const events = rows.slice(0, -1).flatMap(([code, , ...values]) =>
    (["files", "documents", "pages"] as const).map((kind, k) => ({ id: `replay-${code}-${kind}`, fonds: code, kind, delta: Number(values[k]!.replace(/\./g, "")), at: `${vietnamDay(-20)}T09:00:00+07:00` })),
  );
  const { url } = inject("server");
  const posted = await fetch(`${url}/api/v1/projects/${projectId}/counters`, { method: "POST", headers: { Authorization: `Bearer ${station.token}`, "Content-Type": "application/json" }, body: JSON.stringify({ events }) });
  expect(posted.status).toBe(200);
  // The inspection count writes the project's counters through to D1, where reports are made from.
  await operator("GET", `/projects/${projectId}/counted?day=${to}`);
  const { id } = (await operator("POST", `/projects/${projectId}/reports`, { from, to })) as { id: string };
  return { projectId, reportId: id };
}

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

/** Each page's text items as pdfjs reads them from the file. */
async function pdfText(bytes: Uint8Array): Promise<TextItem[][]> {
  const pdf = await getDocument({ data: bytes.slice() }).promise;
  const pages: TextItem[][] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push((content.items as TextItem[]).filter((i) => typeof i.str === "string" && i.str.trim() !== ""));
  }
  return pages;
}

/**
 * A page's text as a reader copies it: items on one line that touch are one word (Chromium starts a new
 * item where a glyph comes from another font, as some Vietnamese letters do), others are a space apart.
 */
function pageText(page: TextItem[]): string {
  let out = "";
  page.forEach((item, n) => {
    const prev = page[n - 1];
    if (prev) {
      const sameLine = Math.abs(item.transform[5]! - prev.transform[5]!) < 1;
      const gap = item.transform[4]! - (prev.transform[4]! + prev.width);
      out += sameLine && Math.abs(gap) < prev.height * 0.1 ? "" : " ";
    }
    out += item.str;
  });
  return out;
}

/** Pairs of text items on one page whose boxes cross by more than a point each way: printed over each other. */
function overlaps(page: TextItem[]): string[] {
  const box = (i: TextItem) => ({ x0: i.transform[4]!, x1: i.transform[4]! + i.width, y0: i.transform[5]!, y1: i.transform[5]! + i.height });
  const found: string[] = [];
  page.forEach((a, i) => {
    for (const b of page.slice(i + 1)) {
      const [p, q] = [box(a), box(b)];
      const dx = Math.min(p.x1, q.x1) - Math.max(p.x0, q.x0);
      const dy = Math.min(p.y1, q.y1) - Math.max(p.y0, q.y0);
      if (dx > 1 && dy > 1) found.push(`"${a.str}" × "${b.str}"`);
    }
  });
  return found;
}

describe.runIf(hasChromium || process.env.CI)("the report as a PDF", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    if (granted) await operator("DELETE", `/provinces/${REPLAY_PROVINCE}/members/${granted}`);
    await browser?.close();
  });

  it("prints the official document whose text holds the quốc hiệu, tiêu ngữ and seed 001's figures, nothing overlapping", async () => {
    const { projectId, reportId } = await replay2021();
    const page = await signedInPage(browser, "giamsat.hatinh@demo.vn", `/p/${projectId}/reports/${reportId}`);
    await page.locator(".official").waitFor({ state: "attached", timeout: 20_000 });
    await page.emulateMedia({ media: "print" });
    const pdf = await page.pdf({ preferCSSPageSize: true });
    await page.close();
    mkdirSync("test-artifacts", { recursive: true });
    writeFileSync("test-artifacts/report-2021-replay.pdf", pdf);

    const pages = await pdfText(new Uint8Array(pdf));
    const text = pages.map(pageText).join(" ").replace(/\s+/g, " ");
    writeFileSync("test-artifacts/report-2021-replay.txt", text);
    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text).toContain("Độc lập - Tự do - Hạnh phúc");
    expect(text).toContain("UBND TỈNH HÀ TĨNH");
    // The results table, row by row in seed 001's order: STT, fonds, then per kind plan, done and share.
    const row = (values: string[]) => values.map((v) => `${v} ${v} 100,0`).join(" ");
    for (const [stt, name, ...values] of rows.slice(0, -1)) expect(text).toContain(`${stt} ${name} ${row(values)}`);
    expect(text).toContain(`Tổng ${row(rows.at(-1)!.slice(2))}`);
    for (const [n, p] of pages.entries()) expect(overlaps(p), `page ${n + 1}`).toEqual([]);

    // Its first page as a reader shows it: the PDF rendered by pdfjs in Chromium, kept as a screenshot.
    const viewer = await newPage(browser, { width: 900, height: 1300 });
    const files: Record<string, [string, Buffer]> = {
      "/pdf.mjs": ["text/javascript", readFileSync(createRequire(import.meta.url).resolve("pdfjs-dist/build/pdf.min.mjs"))],
      "/pdf.worker.mjs": ["text/javascript", readFileSync(createRequire(import.meta.url).resolve("pdfjs-dist/build/pdf.worker.min.mjs"))],
      "/report.pdf": ["application/pdf", pdf],
      "/": ["text/html", Buffer.from(VIEWER)],
    };
    await viewer.route("http://pdf.test/**", (route) => {
      const [contentType, body] = files[new URL(route.request().url()).pathname]!;
      return route.fulfill({ contentType, body });
    });
    await viewer.goto("http://pdf.test/");
    await viewer.waitForFunction(() => document.body.dataset.pages !== undefined, undefined, { timeout: 30_000 });
    expect(await viewer.evaluate(() => document.body.dataset.error ?? "")).toBe("");
    expect(Number(await viewer.evaluate(() => document.body.dataset.pages))).toBe(pages.length);
    await viewer.locator("canvas").screenshot({ path: "test-artifacts/report-2021-replay-pdf-page1.png" });
    await viewer.close();
  }, 120_000);
});

/** One page of the PDF on a canvas, with pdfjs: what a reader's PDF viewer does. */
const VIEWER = `<!doctype html><meta charset="utf-8"><body style="margin:0"><canvas></canvas><script type="module">
import * as pdfjs from "/pdf.mjs";
pdfjs.GlobalWorkerOptions.workerSrc = "/pdf.worker.mjs";
try {
  const pdf = await pdfjs.getDocument({ url: "/report.pdf" }).promise;
  const page = await pdf.getPage(1);
  const viewport = page.getViewport({ scale: 1.4 });
  const canvas = document.querySelector("canvas");
  canvas.width = viewport.width;
  canvas.height = viewport.height;
  await page.render({ canvas, canvasContext: canvas.getContext("2d"), viewport }).promise;
  document.body.dataset.pages = String(pdf.numPages);
} catch (err) {
  document.body.dataset.error = String(err);
  document.body.dataset.pages = "0";
}
</script>`;
