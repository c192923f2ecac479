// A fresh province and project with a one-line plan, for the reporting calendar's tests.
import { expect } from "vitest";
import { post } from "./helpers";

export async function calendarProject(periodStart = "2026-10-01", periodEnd = "2026-12-31") {
  const suffix = crypto.randomUUID().slice(0, 8);
  const provinceId = `p-${suffix}`;
  const projectId = `rc-${suffix}`;
  await post("/provinces", { id: provinceId, name: "Đồng Nai" });
  await post(`/provinces/${provinceId}/projects`, { id: projectId, name: "Chỉnh lý và số hóa 2026", periodStart, periodEnd });
  expect((await post(`/projects/${projectId}/plan/import`, { table: "STT\tTên phông\tSố hóa trang tài liệu\n1\tSở Tư pháp\t1.000" })).status).toBe(200);
  return { projectId, provinceId };
}
