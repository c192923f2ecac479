import { describe, expect, it } from "vitest";
import type { ReportContent } from "../../schema/reports/content";
import { officialDocument, type DocTable } from "../../schema/reports/document";
import { defaultDocumentSettings } from "../../schema/reports/document-settings";
import type { ReportCell } from "../../schema/reports/table";

const cell = (c: Partial<ReportCell>): ReportCell => ({
  target: 1000,
  periodPlan: 100,
  periodActual: 100,
  cumulative: 500,
  planToDate: 500,
  nextTarget: 100,
  ratings: { completed: false, achieved: true, onSchedule: true },
  ...c,
});

const content: ReportContent = {
  project: { id: "ht", name: "Số hóa tài liệu năm 2026", legalBasis: "Quyết định số 4020/QĐ-UBND ngày 25/11/2020 của UBND tỉnh", provinceId: "ha-tinh" },
  type: "monthly",
  from: "2026-10-17",
  to: "2026-11-16",
  generatedAt: Date.parse("2026-11-17T00:30:00Z"),
  kinds: [
    { key: "pages", decimals: 0 },
    { key: "metres", decimals: 2 },
  ],
  table: {
    kinds: ["pages", "metres"],
    rows: [
      { code: "A1", name: "Ủy ban nhân dân huyện Can Lộc", cells: { pages: cell({ periodActual: 40, ratings: { completed: false, achieved: false, onSchedule: false } }), metres: cell({ periodPlan: 0, nextTarget: 0 }) } },
      { code: "A2", name: "Phòng Tư pháp huyện Can Lộc", cells: { pages: cell({ cumulative: 1000, nextTarget: 0, ratings: { completed: true, achieved: true, onSchedule: true } }), metres: cell({ periodActual: 12345, nextTarget: 0 }) } },
    ],
    totals: { pages: cell({ periodPlan: 200, periodActual: 140, nextTarget: 100 }), metres: cell({ periodPlan: 100, periodActual: 12445, nextTarget: 0 }) },
  },
  restricted: [],
  silentStations: [{ id: "s1", name: "Máy quét 02" }],
  reasons: { "A1/pages": ["behind_schedule", "under_plan"] },
};

const tables = (d: ReturnType<typeof officialDocument>): DocTable[] => d.body.flatMap((b) => (b.type === "table" ? [b.table] : []));
const texts = (d: ReturnType<typeof officialDocument>) => d.body.flatMap((b) => (b.type === "table" ? [] : [b.text]));

describe("the official document's settings", () => {
  it("derives the issuing bodies, place and recipient from the province's name", () => {
    expect(defaultDocumentSettings("Hà Tĩnh")).toMatchObject({ parentBody: "UBND TỈNH HÀ TĨNH", issuingBody: "SỞ NỘI VỤ", place: "Hà Tĩnh", recipient: "Ủy ban nhân dân tỉnh", numberSuffix: "BC-SNV" });
    expect(defaultDocumentSettings("Tỉnh Đồng Nai")).toMatchObject({ parentBody: "UBND TỈNH ĐỒNG NAI", place: "Đồng Nai" });
    expect(defaultDocumentSettings("Thành phố Hồ Chí Minh")).toMatchObject({ parentBody: "UBND THÀNH PHỐ HỒ CHÍ MINH", place: "Hồ Chí Minh", recipient: "Ủy ban nhân dân thành phố" });
  });
});

describe("officialDocument", () => {
  const settings = { ...defaultDocumentSettings("Hà Tĩnh"), signerPosition: "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", signerName: "Mai Trường Sinh" };

  it("has the form's header, number with a blank for the hand-written number, and the month and year of the report", () => {
    const d = officialDocument(content, null, settings, "vi");
    expect(d).toMatchObject({ parentBody: "UBND TỈNH HÀ TĨNH", nationalTitle: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", motto: "Độc lập - Tự do - Hạnh phúc", docType: "BÁO CÁO", recipient: "Kính gửi: Ủy ban nhân dân tỉnh" });
    expect(d.number).toMatch(/^Số:\u00a0+\/BC-SNV$/);
    expect(d.placeDate).toMatch(/^Hà Tĩnh, ngày\u00a0+tháng 11 năm 2026$/);
    expect(d.summary).toBe("Kết quả thực hiện số hóa tài liệu năm 2026 tháng 11/2026 (từ ngày 17/10/2026 đến ngày 16/11/2026)");
    expect(d.signer).toEqual({ position: ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], placeholder: "(Ký, đóng dấu)", name: "Mai Trường Sinh" });
    expect(d.distribution.at(-1)).toBe("- Lưu: VT.");
  });

  it("lays the results out as the seed 001 table: plan, done and % per kind, a dash where the period planned nothing", () => {
    const [volume] = tables(officialDocument(content, null, settings, "vi"));
    expect(volume!.head[1]!.map((c) => c.text)).toEqual(["Kế hoạch", "Thực hiện", "Tỷ lệ (%)", "Kế hoạch", "Thực hiện", "Tỷ lệ (%)"]);
    expect(volume!.body[0]!.map((c) => c.text)).toEqual(["1", "Ủy ban nhân dân huyện Can Lộc", "100", "40", "40,0", "0,00", "1,00", "—"]);
    expect(volume!.body[1]!.map((c) => c.text).slice(5)).toEqual(["1,00", "123,45", "12.345,0"]);
    expect(volume!.body.at(-1)![0]).toMatchObject({ text: "Tổng", colSpan: 2 });
    expect(volume!.widths.reduce((a, b) => a + b, 0)).toBeCloseTo(100);
  });

  it("gives a reason only to items behind: the alerts in words until the centre writes its own", () => {
    const rows = (notes: Parameters<typeof officialDocument>[1]) => tables(officialDocument(content, notes, settings, "vi"))[1]!.body.map((r) => r.map((c) => c.text));
    const prefilled = rows(null);
    expect(prefilled[0]).toEqual(["1", "Ủy ban nhân dân huyện Can Lộc", "Số hóa trang tài liệu", "Không hoàn thành", "Không đạt", "Chậm tiến độ", "chậm so với kế hoạch (cảnh báo chậm tiến độ); với tốc độ hiện tại không đạt khối lượng kế hoạch"]);
    expect(prefilled[2]).toEqual(["2", "Phòng Tư pháp huyện Can Lộc", "Số hóa trang tài liệu", "Hoàn thành", "Đạt", "Đảm bảo tiến độ", ""]);
    const own = rows({ difficulties: "", proposals: "", reasons: { "A1/pages": "Máy quét hỏng 5 ngày" } });
    expect(own[0]!.at(-1)).toBe("Máy quét hỏng 5 ngày");
  });

  it("lists next period's tasks from the catch-up figures, the silent stations and the centre's notes", () => {
    const d = officialDocument(content, { difficulties: "Giấy mỏng\n\nMực mờ", proposals: "", reasons: {} }, settings, "vi");
    const t = texts(d);
    expect(t).toContain("Tổng khối lượng cần thực hiện: 100 trang.");
    expect(t).toContain("- Ủy ban nhân dân huyện Can Lộc: 100 trang;");
    expect(t.some((x) => x.startsWith("- Phòng Tư pháp"))).toBe(false);
    expect(t).toContain("Máy quét 02.");
    const at = (s: string) => t.indexOf(s);
    expect(at("III. KHÓ KHĂN, VƯỚNG MẮC")).toBeLessThan(at("Giấy mỏng"));
    expect(at("Mực mờ")).toBe(at("Giấy mỏng") + 1);
    expect(t[at("IV. KIẾN NGHỊ, ĐỀ XUẤT") + 1]).toBe("Không có.");
    expect(t[0]).toBe("Căn cứ Quyết định số 4020/QĐ-UBND ngày 25/11/2020 của UBND tỉnh, báo cáo kết quả thực hiện số hóa tài liệu năm 2026 tháng 11/2026 (từ ngày 17/10/2026 đến ngày 16/11/2026) như sau:");
  });

  it("reads in English with the same figures", () => {
    const d = officialDocument(content, null, settings, "en");
    expect(d).toMatchObject({ nationalTitle: "SOCIALIST REPUBLIC OF VIET NAM", docType: "REPORT", distributionTitle: "Recipients:" });
    expect(tables(d)[0]!.body[0]!.map((c) => c.text).slice(2, 5)).toEqual(["100", "40", "40.0"]);
  });
});
