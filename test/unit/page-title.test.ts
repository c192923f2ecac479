import { describe, expect, it } from "vitest";
import { setLocale } from "../../web/src/i18n";
import { pageTitle } from "../../web/src/page-title";

const names = (id: string) => (id === "hatinh-2026" ? "Số hóa tài liệu năm 2026" : id);

describe("pageTitle", () => {
  it("names the page first and the app last, in Vietnamese by default", () => {
    setLocale("vi");
    expect(pageTitle({ name: "project", projectId: "hatinh-2026" }, names)).toBe("Số hóa tài liệu năm 2026 · Tiến độ số hóa tài liệu lưu trữ");
    expect(pageTitle({ name: "fonds", projectId: "hatinh-2026", code: "6" }, names)).toBe("Phông 6 · Số hóa tài liệu năm 2026 · Tiến độ số hóa tài liệu lưu trữ");
    expect(pageTitle("signIn", names)).toBe("Đăng nhập · Tiến độ số hóa tài liệu lưu trữ");
  });

  it("follows the user's language and gives each page its own title", () => {
    setLocale("en");
    expect(pageTitle({ name: "rules", projectId: "hatinh-2026" }, names)).toBe("Alert rules · Số hóa tài liệu năm 2026 · Archive digitization progress");
    const routes = [{ name: "overview" }, { name: "wall" }, { name: "account" }, { name: "users" }, { name: "admin" }, { name: "entry" }] as const;
    expect(new Set(routes.map((r) => pageTitle(r, names))).size).toBe(routes.length);
    setLocale("vi");
  });
});
