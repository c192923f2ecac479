import { afterEach, describe, expect, it, vi } from "vitest";
import { WORK_KINDS } from "../../schema/kinds";

/** A fresh i18n module over a given localStorage, as on a new page load. */
async function load(saved: Record<string, string> = {}) {
  const store = new Map(Object.entries(saved));
  vi.stubGlobal("localStorage", {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
  });
  vi.resetModules();
  return { i18n: await import("../../web/src/i18n"), store };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("i18n", () => {
  it("speaks Vietnamese by default and remembers a switch to English", async () => {
    const { i18n, store } = await load();
    expect(i18n.locale()).toBe("vi");
    expect(i18n.t("status.live")).toBe("Trực tiếp");
    i18n.setLocale("en");
    expect(i18n.t("status.live")).toBe("Live");
    expect([...store.values()]).toEqual(["en"]);
    const again = await load(Object.fromEntries(store));
    expect(again.i18n.locale()).toBe("en");
  });

  it("falls back to Vietnamese for an unknown saved choice", async () => {
    const { i18n } = await load({ "dashboard.locale": "fr" });
    expect(i18n.locale()).toBe("vi");
  });

  it("names every work kind in both languages", async () => {
    const { i18n } = await load();
    const vi = WORK_KINDS.map((k) => i18n.kindName(k.key));
    expect(vi).toEqual(["Hồ sơ", "Văn bản", "Trang A4", "Chỉnh lý sơ bộ (m)", "Chỉnh lý rời lẻ (m)", "Bồi nền (tờ)"]);
    i18n.setLocale("en");
    const en = WORK_KINDS.map((k) => i18n.kindName(k.key));
    expect(en).toEqual(["Files", "Documents", "Pages", "Preliminary arrangement, m", "Loose arrangement, m", "Restored sheets"]);
    expect(i18n.kindName("microfilm")).toBe("microfilm");
    expect(i18n.roleName("supervisor")).toBe("Supervisor");
    expect(i18n.roleName("auditor")).toBe("auditor");
  });

  it("writes dates dd/mm/yyyy and times HH:mm:ss on the Ha Noi clock", async () => {
    const { i18n } = await load();
    const lateUtc = Date.UTC(2026, 10, 22, 17, 5, 9); // 00:05:09 on 23/11 in UTC+7
    expect(i18n.formatDate(lateUtc)).toBe("23/11/2026");
    expect(i18n.formatTime(lateUtc)).toBe("00:05:09");
    expect(i18n.formatDateTime(Date.UTC(2026, 0, 2, 6, 30, 0))).toBe("02/01/2026 13:30:00");
    expect(i18n.formatDay("2026-12-31")).toBe("31/12/2026");
  });

  it("fills slots, and every text has the same slots in both languages", async () => {
    const { i18n } = await load();
    expect(i18n.tf("fonds.shown", { shown: 3, total: 21 })).toBe("3/21");
    expect(i18n.tf("overview.fondsBehind", { n: "2" })).toBe("2 phông chậm tiến độ:");
    const alerts = await import("../../web/src/messages/alerts");
    const common = await import("../../web/src/messages/common");
    const entry = await import("../../web/src/messages/entry");
    const progress = await import("../../web/src/messages/progress");
    const slots = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const m of [alerts, common, entry, progress]) {
      for (const [key, vi] of Object.entries(m.vi)) {
        const en = (m.en as Record<string, string>)[key];
        expect(en, key).toBeTruthy();
        expect(slots(en!), key).toEqual(slots(vi));
      }
      expect(Object.keys(m.en).sort()).toEqual(Object.keys(m.vi).sort());
    }
  });

  it("formats signed differences and percentages in the page's language", async () => {
    const { i18n } = await load();
    const format = await import("../../web/src/format");
    const q = (_kind: string, n: number) => n.toLocaleString(i18n.locale() === "vi" ? "vi-VN" : "en-US");
    expect(format.signed(q, "pages", -17887)).toBe("\u221217.887");
    expect(format.signed(q, "pages", 12.4)).toBe("+12");
    expect(format.percent(0.834)).toBe("83,4\u00a0%");
    i18n.setLocale("en");
    expect(format.percent(0.834)).toBe("83.4%");
  });
});
