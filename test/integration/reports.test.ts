import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { readSheet } from "read-excel-file/universal";
import { describe, expect, it } from "vitest";
import { dueReports } from "../../schema/reports/filing";
import { readDocx } from "../docx-text";
import { dayInZone } from "../../schema/time";
import hatinh from "../../../shared/fixtures/hatinh-2021-results.tsv?raw";
import worker from "../../worker/index";
import type { ReportContent } from "../../schema/reports/content";
import type { CounterEventInput } from "../../schema/api";
import { ADMIN, createProject, drainAlarms, get, post, postCounters, room } from "./helpers";

/** The seed 001 table as pasted: [STT, name, files, documents, pages] as written, and the totals row. */
const seed = hatinh
  .trim()
  .split("\n")
  .slice(1)
  .map((l) => l.split("\t"));
const seedRows = seed.slice(0, -1);
const seedTotals = seed[seed.length - 1]!;
const num = (s: string) => Number(s.replace(/\./g, ""));

async function project2021(): Promise<{ projectId: string; token: string; stationId: string }> {
  const suffix = crypto.randomUUID().slice(0, 8);
  const provinceId = `p-${suffix}`;
  const projectId = `ht2021-${suffix}`;
  await post("/provinces", { id: provinceId, name: "Hà Tĩnh" });
  await post(`/provinces/${provinceId}/projects`, { id: projectId, name: "Số hóa tài liệu năm 2021", legalBasis: "Quyết định 4020/QĐ-UBND ngày 25/11/2020", periodStart: "2021-01-01", periodEnd: "2021-12-31" });
  expect((await post(`/projects/${projectId}/plan/import`, { table: hatinh })).status).toBe(200);
  const station = (await (await post(`/projects/${projectId}/stations`, { name: "Máy quét 01" })).json()) as { id: string; token: string };
  return { projectId, token: station.token, stationId: station.id };
}

/** Each fonds' year result as counters spread over 2021: twelve monthly parts that sum exactly to the table. */
function replayEvents(): (CounterEventInput & { at: string })[] {
  const events: (CounterEventInput & { at: string })[] = [];
  for (const [code, , ...values] of seedRows) {
    (["files", "documents", "pages"] as const).forEach((kind, k) => {
      const total = num(values[k]!);
      for (let m = 0; m < 12; m++) {
        const part = Math.floor(total / 12) + (m < total % 12 ? 1 : 0);
        if (part > 0) events.push({ id: `r-${code}-${kind}-${m}`, fonds: code!, kind, delta: part, at: `2021-${String(m + 1).padStart(2, "0")}-15T09:00:00+07:00` });
      }
    });
  }
  return events;
}

describe("reports", () => {
  it("replaying the 2021 results as counters gives a year report equal to seed 001, in the view, the CSV and the XLSX", async () => {
    const { projectId, stationId } = await project2021();
    // Each month's counters as the station posted them that month: today they are older than the 90-day
    // retention and would be refused, so the object is given the clock of the day (as for the alert rules).
    const byTime = new Map<string, CounterEventInput[]>();
    for (const e of replayEvents()) byTime.set(e.at, [...(byTime.get(e.at) ?? []), e]);
    for (const [at, batch] of byTime) expect(await room(projectId).ingest(stationId, batch, Date.parse(at) + 3_600_000)).toMatchObject({ status: "ok", accepted: batch.length });
    await drainAlarms(projectId);
    const created = await post(`/projects/${projectId}/reports`, { from: "2021-01-01", to: "2021-12-31" });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };

    const view = (await (await get(`/projects/${projectId}/reports/${id}`)).json()) as { content: ReportContent };
    const table = view.content.table;
    expect(table.kinds).toEqual(["files", "documents", "pages"]);
    expect(table.rows.map((r) => [r.code, r.name, r.cells.files!.periodActual, r.cells.documents!.periodActual, r.cells.pages!.periodActual])).toEqual(
      seedRows.map(([code, name, f, d, p]) => [code, name, num(f!), num(d!), num(p!)]),
    );
    expect([table.totals.files!.periodActual, table.totals.documents!.periodActual, table.totals.pages!.periodActual]).toEqual([2147, 64619, 330345]);
    expect(table.totals.pages!.ratings).toEqual({ completed: true, achieved: true, onSchedule: true });

    const csvRes = await get(`/projects/${projectId}/reports/${id}/csv`);
    expect(csvRes.headers.get("Content-Type")).toContain("text/csv");
    const bytes = new Uint8Array(await csvRes.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM that makes Excel read UTF-8
    const csv = new TextDecoder().decode(bytes);
    const lines = csv.trim().split("\r\n").map((l) => l.split(";"));
    const header = lines.findIndex((l) => l[0] === "STT");
    const cols = ["Nhập trường thông tin hồ sơ", "Nhập trường thông tin văn bản", "Số hóa trang tài liệu"].map((t) => lines[header]!.indexOf(t));
    const pick = (l: string[]) => [l[0], l[1], ...cols.map((c) => l[c])];
    // Figures are plain numbers a spreadsheet or a program reads as such: 4895, not "4.895".
    const asNumbers = (r: string[]) => [r[0], r[1], ...r.slice(2).map((v) => String(num(v)))];
    expect(lines.slice(header + 1, header + 22).map(pick)).toEqual(seedRows.map(asNumbers));
    expect(pick(lines[header + 22]!)).toEqual(["Tổng", "", ...seedTotals.slice(2).map((v) => String(num(v)))]);

    const xlsxRes = await get(`/projects/${projectId}/reports/${id}/xlsx`);
    const sheet = await readSheet(await xlsxRes.arrayBuffer());
    const xHeader = sheet.findIndex((r) => r[0] === "STT");
    const xCols = ["Nhập trường thông tin hồ sơ", "Nhập trường thông tin văn bản", "Số hóa trang tài liệu"].map((t) => sheet[xHeader]!.indexOf(t));
    const xRows = sheet.slice(xHeader + 1, xHeader + 22).map((r) => [r[0], r[1], ...xCols.map((c) => r[c])]);
    expect(xRows).toEqual(seedRows.map(([stt, name, f, d, p]) => [Number(stt), name, num(f!), num(d!), num(p!)])); // STT a number
    expect([sheet[xHeader + 22]![0], ...xCols.map((c) => sheet[xHeader + 22]![c])]).toEqual(["Tổng", 2147, 64619, 330345]);

    // The Word document: the seed 001 table (STT, fonds, then plan, done, % per kind) with the figures
    // written as the seed writes them, in the official form's order.
    const docxRes = await get(`/projects/${projectId}/reports/${id}/docx`);
    expect(docxRes.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(docxRes.headers.get("Content-Disposition")).toContain("adhoc-2021-01-01-2021-12-31.docx");
    const doc = await readDocx(await docxRes.arrayBuffer());
    const results = doc.tables.find((t) => t[0]?.[0] === "STT" && t[0]?.[1] === "Tên phông" && t[1]?.[3] === "Thực hiện")!;
    expect(results[0]!.slice(2)).toEqual(["Nhập trường thông tin hồ sơ", "Nhập trường thông tin văn bản", "Số hóa trang tài liệu"]);
    const actual = (r: string[], first: number) => [0, 1, 2].map((k) => r[first + k * 3 + 1]);
    expect(results.slice(2, 23).map((r) => [r[0], r[1], ...actual(r, 2)])).toEqual(seedRows);
    expect(actual(results[23]!, 1)).toEqual(seedTotals.slice(2));
    expect(results[23]![0]).toBe("Tổng");
    expect(results[2]![4]).toBe("100,0");
  }, 60_000);

  it("issues the report as the official document: the form's parts in order, the settings and the centre's reasons", async () => {
    const { projectId } = await project2021();
    const { id } = (await (await post(`/projects/${projectId}/reports`, { from: "2021-03-01", to: "2021-03-31" })).json()) as { id: string };
    const first = await readDocx(await (await get(`/projects/${projectId}/reports/${id}/docx`)).arrayBuffer());
    // Defaults from the province's name until someone saves the settings.
    expect(first.paragraphs).toEqual(expect.arrayContaining(["UBND TỈNH HÀ TĨNH", "SỞ NỘI VỤ", "Kính gửi: Ủy ban nhân dân tỉnh"]));

    const settings = {
      parentBody: "UBND TỈNH HÀ TĨNH",
      issuingBody: "SỞ NỘI VỤ",
      place: "Hà Tĩnh",
      recipient: "Ủy ban nhân dân tỉnh",
      distribution: ["Như trên;", "GĐ, PGĐ;", "Trung tâm LTLS;", "Lưu: VT, CCHC&VTLT."],
      signerPosition: "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC",
      signerName: "Mai Trường Sinh",
      numberSuffix: "BC-SNV",
    };
    const put = (path: string, body: unknown) => exports.default.fetch(new Request(`http://example.com/api/v1/projects/${projectId}${path}`, { method: "PUT", headers: ADMIN, body: JSON.stringify(body) }));
    expect((await put("/report-document", { ...settings, base: null })).status).toBe(200);
    expect((await put("/report-document", { ...settings, issuingBody: "", base: null })).status).toBe(400);
    // March: nothing was counted, so every item is behind; the centre gives one its reason.
    const reason = "Tài liệu khổ lớn, phải chuyển sang máy quét A0";
    expect((await put(`/reports/${id}/notes`, { difficulties: "Giấy mỏng, dễ rách", proposals: "Bố trí kinh phí", reasons: { "21/pages": reason } })).status).toBe(200);
    // Saving the notes alone keeps the reasons.
    const drafted = (await (await get(`/projects/${projectId}/reports/${id}`)).json()) as { notes: { updatedAt: number } };
    expect((await put(`/reports/${id}/notes`, { difficulties: "Giấy mỏng, dễ rách", proposals: "Bố trí kinh phí năm 2022", base: { updatedAt: drafted.notes.updatedAt } })).status).toBe(200);

    const doc = await readDocx(await (await get(`/projects/${projectId}/reports/${id}/docx`)).arrayBuffer());
    const p = doc.paragraphs;
    const at = (pred: (s: string) => boolean, label: string) => {
      const i = p.findIndex(pred);
      expect(i, label).toBeGreaterThanOrEqual(0);
      return i;
    };
    const order = [
      at((x) => x === "UBND TỈNH HÀ TĨNH", "parent body"),
      at((x) => x === "SỞ NỘI VỤ", "issuing body"),
      at((x) => x === "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "quốc hiệu"),
      at((x) => x === "Độc lập - Tự do - Hạnh phúc", "tiêu ngữ"),
      at((x) => /^Số:\s+\/BC-SNV$/.test(x), "số, ký hiệu"),
      at((x) => /^Hà Tĩnh, ngày\s+tháng \d{2} năm \d{4}$/.test(x), "địa danh, ngày"),
      at((x) => x === "BÁO CÁO", "loại văn bản"),
      at((x) => x.startsWith("Kết quả thực hiện số hóa tài liệu năm 2021 từ ngày 01/03/2021 đến ngày 31/03/2021"), "trích yếu"),
      at((x) => x === "Kính gửi: Ủy ban nhân dân tỉnh", "kính gửi"),
      at((x) => x === "III. KHÓ KHĂN, VƯỚNG MẮC", "difficulties"),
      at((x) => x === "Giấy mỏng, dễ rách", "the centre's difficulties"),
      at((x) => x === "Bố trí kinh phí năm 2022", "the centre's proposals"),
      at((x) => x === "Nơi nhận:", "nơi nhận"),
      at((x) => x === "- Lưu: VT, CCHC&VTLT.", "nơi nhận list"),
      at((x) => x === "KT. GIÁM ĐỐC", "signer position"),
      at((x) => x === "PHÓ GIÁM ĐỐC", "signer position, second line"),
      at((x) => x === "(Ký, đóng dấu)", "signature placeholder"),
      at((x) => x === "Mai Trường Sinh", "signer name"),
    ];
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // The tiêu ngữ is underlined; the place and date italic.
    expect(doc.underlined.join("")).toContain("Độc lập - Tự do - Hạnh phúc");
    const evaluation = doc.tables.find((t) => t[0]?.at(-1) === "Lý do")!;
    const row21 = evaluation.find((r) => r.includes("Ủy ban nhân dân tỉnh Hà Tĩnh"))!;
    expect(row21.slice(2)).toEqual(["Nhập trường thông tin hồ sơ", "Không hoàn thành", "Không đạt", "Chậm tiến độ", ""]);
    expect(evaluation.some((r) => r.at(-1) === reason && r.includes("Số hóa trang tài liệu"))).toBe(true);
    // Next period's tasks come from the catch-up figures.
    expect(p.some((x) => x.startsWith("- Ủy ban nhân dân tỉnh Hà Tĩnh:") && x.includes("trang"))).toBe(true);

    const en = await readDocx(await (await get(`/projects/${projectId}/reports/${id}/docx?locale=en`)).arrayBuffer());
    expect(en.paragraphs).toEqual(expect.arrayContaining(["SOCIALIST REPUBLIC OF VIET NAM", "REPORT", "Recipients:"]));
  }, 60_000);

  describe("scheduled reports in Viet Nam time", () => {
    async function runCron(utc: string): Promise<void> {
      const ctl = createScheduledController({ scheduledTime: Date.parse(utc), cron: "0 0 * * *" });
      const ctx = createExecutionContext();
      worker.scheduled(ctl, env, ctx);
      await waitOnExecutionContext(ctx);
    }
    // Read from D1, not through the reports list: reading that list catches up to the real today.
    async function reportsOf(projectId: string) {
      const rows = await env.DB.prepare("SELECT type, from_day AS f, to_day AS t, version FROM reports WHERE project_id = ?").bind(projectId).all<{ type: string; f: string; t: string; version: number }>();
      return rows.results.map((r) => `${r.type} ${r.f}..${r.t} v${r.version}`).sort();
    }
    // Each case: the reports due that Viet Nam day are written, and so is every report due before it
    // since the project started (the cron catches up what it missed); nothing is due twice.
    const cases: [string, string, string[]][] = [
      ["Monday 07:00 in Viet Nam", "2021-03-01T00:00:00Z", ["weekly 2021-02-25..2021-02-28 v1"]],
      ["Thursday, though it is still Wednesday in UTC", "2021-03-03T17:30:00Z", ["weekly 2021-03-01..2021-03-03 v1"]],
      ["the 17th", "2021-03-17T00:00:00Z", ["monthly 2021-02-17..2021-03-16 v1"]],
      ["the 17th (a Monday), reached across a UTC date change", "2021-05-16T18:00:00Z", ["monthly 2021-04-17..2021-05-16 v1", "weekly 2021-05-13..2021-05-16 v1"]],
      ["the 20th, the inspection day, across a month end", "2021-03-20T00:00:00Z", ["inspection 2021-02-20..2021-03-19 v1"]],
      ["a Tuesday: nothing new", "2021-03-02T00:00:00Z", []],
    ];
    it.each(cases)("%s", async (_name, utc, dueThatDay) => {
      const { projectId } = await project2021();
      await runCron(utc);
      const day = dayInZone(Date.parse(utc), "Asia/Ho_Chi_Minh");
      const owed = dueReports("2021-01-01", "2021-12-31", day);
      expect(owed.filter((d) => d.due === day).map((d) => `${d.type} ${d.from}..${d.to} v1`).sort()).toEqual([...dueThatDay].sort());
      expect(await reportsOf(projectId)).toEqual(owed.map((d) => `${d.type} ${d.from}..${d.to} v1`).sort());
    });

    it("running a trigger twice does not make two reports", async () => {
      const { projectId } = await project2021();
      await runCron("2021-02-17T00:00:00Z"); // a Wednesday the 17th
      const once = await reportsOf(projectId);
      await runCron("2021-02-17T00:00:00Z");
      expect(await reportsOf(projectId)).toEqual(once);
      expect(once).toContain("monthly 2021-01-17..2021-02-16 v1");
      expect(once.filter((r) => r.startsWith("monthly"))).toEqual(["monthly 2020-12-17..2021-01-16 v1", "monthly 2021-01-17..2021-02-16 v1"]);
    });
  });

  it("keeps the centre's difficulties and proposals with the report period", async () => {
    const { projectId } = await project2021();
    const { id } = (await (await post(`/projects/${projectId}/reports`, { from: "2021-03-01", to: "2021-03-31" })).json()) as { id: string };
    const notes = { difficulties: "Tài liệu đánh máy bay mực, khổ giấy lớn", proposals: "Bố trí kinh phí năm 2022 đúng lộ trình" };
    const res = await exports.default.fetch(new Request(`http://example.com/api/v1/projects/${projectId}/reports/${id}/notes`, { method: "PUT", headers: ADMIN, body: JSON.stringify(notes) }));
    expect(res.status).toBe(200);
    const view = (await (await get(`/projects/${projectId}/reports/${id}`)).json()) as { notes: typeof notes };
    expect(view.notes).toMatchObject(notes);
  });
});
