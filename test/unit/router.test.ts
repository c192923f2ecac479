import { describe, expect, it } from "vitest";
import { matchRoute, pathOf, type Route } from "../../web/src/router";
import { atLeast, roleOnProject } from "../../web/src/roles";

describe("matchRoute", () => {
  it("names every view of the dashboard by its address", () => {
    expect(matchRoute("/")).toEqual({ name: "overview" });
    expect(matchRoute("/p/hatinh-2026")).toEqual({ name: "project", projectId: "hatinh-2026" });
    expect(matchRoute("/p/hatinh-2026/")).toEqual({ name: "project", projectId: "hatinh-2026" });
    expect(matchRoute("/p/hatinh-2026/fonds/4")).toEqual({ name: "fonds", projectId: "hatinh-2026", code: "4" });
    expect(matchRoute("/p/hatinh-2026/station/0b9c")).toEqual({ name: "station", projectId: "hatinh-2026", stationId: "0b9c" });
    expect(matchRoute("/p/hatinh-2026/rules")).toEqual({ name: "rules", projectId: "hatinh-2026" });
    expect(matchRoute("/p/hatinh-2026/reports")).toEqual({ name: "reports", projectId: "hatinh-2026" });
    expect(matchRoute("/p/hatinh-2026/reports/r1")).toEqual({ name: "report", projectId: "hatinh-2026", reportId: "r1" });
    expect(matchRoute("/p/hatinh-2026/inspections")).toEqual({ name: "inspections", projectId: "hatinh-2026" });
    expect(matchRoute("/station")).toEqual({ name: "entry" });
    expect(matchRoute("/wall")).toEqual({ name: "wall" });
    expect(matchRoute("/account")).toEqual({ name: "account" });
  });

  it("keeps the first live page's address working", () => {
    expect(matchRoute("/", "?project=khanhhoa-2024-2026")).toEqual({ name: "project", projectId: "khanhhoa-2024-2026" });
  });

  it("says not found for anything else, malformed escapes included", () => {
    for (const path of ["/x", "/p", "/p/a/b", "/p/a/fonds", "/p/a/fonds/1/2", "/wall/x", "/account/x", "/p/%E0%A4%A/rules", "/p/a/inspections/x"]) expect(matchRoute(path).name).toBe("notFound");
  });

  it("round-trips through pathOf, with fonds codes that need escaping", () => {
    const routes: Route[] = [
      { name: "overview" },
      { name: "project", projectId: "hatinh-2026" },
      { name: "fonds", projectId: "hatinh-2026", code: "12/A Đức Thọ" },
      { name: "station", projectId: "p", stationId: "s-1" },
      { name: "rules", projectId: "p" },
      { name: "reports", projectId: "p" },
      { name: "report", projectId: "p", reportId: "a b/c" },
      { name: "inspections", projectId: "p" },
      { name: "entry" },
      { name: "wall" },
      { name: "account" },
      { name: "users" },
    ];
    for (const r of routes) expect(matchRoute(pathOf(r))).toEqual(r);
  });
});

describe("roleOnProject", () => {
  const m = (role: string, provinceId: string | null, projectId: string | null) => ({ role, provinceId, projectId });

  it("takes the strongest of a global, a province and a project membership, as the server does", () => {
    expect(roleOnProject([m("leader", "ha-tinh", null)], "ha-tinh", "p1")).toBe("leader");
    expect(roleOnProject([m("leader", "ha-tinh", null), m("supervisor", null, "p1")], "ha-tinh", "p1")).toBe("supervisor");
    expect(roleOnProject([m("admin", null, null)], "khanh-hoa", "p2")).toBe("admin");
    expect(roleOnProject([m("supervisor", "khanh-hoa", null)], "ha-tinh", "p1")).toBeNull();
    expect(roleOnProject([m("auditor", null, null)], "ha-tinh", "p1")).toBeNull();
  });

  it("ranks roles", () => {
    expect(atLeast("admin", "supervisor")).toBe(true);
    expect(atLeast("leader", "supervisor")).toBe(false);
    expect(atLeast(null, "leader")).toBe(false);
  });
});
