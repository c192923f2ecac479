// A province of its own with one project, a small plan, one station and the province's administrator, made
// with the operator token: the set-up the browser tests then walk through the dashboard, apart from the
// demo data and from each other.
import type { Browser, Page } from "playwright-core";
import { inject } from "vitest";
import { newPage, operator } from "./browser";

const PLAN = ["STT\tTên phông\tSố hóa trang tài liệu\tChỉnh lý sơ bộ (mét)", "1\tỦy ban nhân dân huyện Can Lộc\t11.062\t33,60", "2\tPhòng Tư pháp huyện Can Lộc\t1.640\t249,26"].join("\n");

export interface FreshProject {
  provinceId: string;
  provinceName: string;
  projectId: string;
  projectName: string;
  station: { id: string; token: string };
  admin: { email: string; password: string };
}

export async function freshProject(): Promise<FreshProject> {
  const suffix = crypto.randomUUID().slice(0, 6);
  const year = new Date().getUTCFullYear();
  const provinceId = `thu-${suffix}`;
  const provinceName = `Tỉnh thử ${suffix}`;
  const projectId = `du-an-${suffix}`;
  const projectName = `Số hóa tài liệu ${suffix}`;
  await operator("POST", "/provinces", { id: provinceId, name: provinceName });
  await operator("POST", `/provinces/${provinceId}/projects`, { id: projectId, name: projectName, legalBasis: "Quyết định số 1/QĐ-UBND", periodStart: `${year}-01-01`, periodEnd: `${year}-12-31` });
  // The starter rules' alerts would toast over the pages under test.
  const { rules } = await operator<{ rules: { id: string }[] }>("GET", `/projects/${projectId}/alert-rules`);
  for (const r of rules) await operator("DELETE", `/projects/${projectId}/alert-rules/${r.id}`);
  await operator("POST", `/projects/${projectId}/plan/import`, { table: PLAN });
  const station = await operator<{ id: string; token: string }>("POST", `/projects/${projectId}/stations`, { name: "Máy quét 1" });
  const admin = { email: `quantri-${suffix}@snv.example`, password: `mat-khau-${suffix}-dai-du` };
  await operator("POST", "/users", { email: admin.email, name: "Trần Văn Quản Trị", password: admin.password });
  await operator("POST", `/provinces/${provinceId}/members`, { email: admin.email, role: "admin" });
  return { provinceId, provinceName, projectId, projectName, station: { id: station.id, token: station.token }, admin };
}

export async function signInAs(browser: Browser, who: { email: string; password: string }, path: string): Promise<Page> {
  const page = await newPage(browser);
  await page.goto(`${inject("server").url}${path}`);
  await page.fill('input[name="email"]', who.email);
  await page.fill('input[name="password"]', who.password);
  await page.click('button[type="submit"]');
  await page.getByRole("button", { name: "Đăng xuất", exact: true }).waitFor();
  return page;
}
