// Builds real projects through the real API (admin routes), for the integration tests.
import { runDurableObjectAlarm } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import type { CounterEventInput } from "../../schema/api";
import { addDays } from "../../schema/calendar";
import { dayInZone } from "../../schema/time";

/** The operator token (ADMIN_TOKEN in vitest.config.ts): system-admin rights, like the provisioning scripts. */
export const OPERATOR = { Authorization: "Bearer test-admin-token" };
export const ADMIN = { ...OPERATOR, "Content-Type": "application/json" };

export function api(path: string, init?: RequestInit): Promise<Response> {
  return exports.default.fetch(new Request(`http://example.com/api/v1${path}`, init));
}

/** GET as the operator, unless other headers are given. */
export function get(path: string, headers: Record<string, string> = OPERATOR): Promise<Response> {
  return api(path, { headers });
}

export async function post(path: string, body: unknown, headers: Record<string, string> = ADMIN): Promise<Response> {
  return api(path, { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) });
}

export function del(path: string, headers: Record<string, string> = ADMIN): Promise<Response> {
  return api(path, { method: "DELETE", headers });
}

const SMALL_PLAN = [
  "STT\tTên phông\tNhập trường thông tin hồ sơ\tNhập trường thông tin văn bản\tSố hóa trang tài liệu",
  "1\tỦy ban nhân dân huyện Can Lộc\t43\t4.895\t11.062",
  "2\tPhòng Tư pháp huyện Can Lộc\t23\t206\t1.640",
  "3\tThanh tra huyện Đức Thọ\t6\t230\t1.017",
  "Tổng\t\t72\t5.331\t13.719",
].join("\n");

/** SMALL_PLAN with preliminary arrangement planned too, for tests that post metres. */
export const PLAN_WITH_METRES = [
  "STT\tTên phông\tSố hóa trang tài liệu\tChỉnh lý sơ bộ (mét)",
  "1\tỦy ban nhân dân huyện Can Lộc\t11.062\t33,60",
  "2\tPhòng Tư pháp huyện Can Lộc\t1.640\t249,26",
].join("\n");

export interface TestProject {
  projectId: string;
  provinceId: string;
  tokens: string[];
  stationIds: string[];
}

/** Today in Viet Nam, and a day `n` days from it: tests that post at the real clock date their events by it. */
export const today = (): string => dayInZone(Date.now(), "Asia/Ho_Chi_Minh");
export const daysFromToday = (n: number): string => addDays(today(), n);

/**
 * A test project's period: the calendar years around today, from the year 100 days back (so events
 * dated within the 90-day retention fall inside it) to the year 30 days ahead. In 2026 that is the
 * year 2026 that tests with fixed 2026 dates were written against; in January 2027 it is 2026–2027,
 * so those dates and the real clock both stay inside the period.
 */
export function testPeriod(): { periodStart: string; periodEnd: string } {
  return { periodStart: `${daysFromToday(-100).slice(0, 4)}-01-01`, periodEnd: `${daysFromToday(30).slice(0, 4)}-12-31` };
}

/** A fresh province + project (unique ids, so tests never share a Durable Object) with a plan and stations. */
/**
 * A project with a small plan and its stations. Without the starter rules a new project gets
 * (worker/alerts/starter-rules.ts) unless `starterRules`: most tests add exactly the rules they check.
 */
export async function createProject(stations = 1, table = SMALL_PLAN, opts: { starterRules?: boolean; provinceId?: string } = {}): Promise<TestProject> {
  const suffix = crypto.randomUUID().slice(0, 8);
  const provinceId = opts.provinceId ?? `p-${suffix}`;
  const projectId = `prj-${suffix}`;
  if (!opts.provinceId) await expectOk(post("/provinces", { id: provinceId, name: "Hà Tĩnh" }));
  await expectOk(
    post(`/provinces/${provinceId}/projects`, {
      id: projectId,
      name: "Số hóa tài liệu lưu trữ 2026",
      legalBasis: "Quyết định 4020/QĐ-UBND",
      ...testPeriod(),
    }),
  );
  // Straight in D1 (cheaper than a DELETE per rule in every test): the plan import below reloads the project's object.
  if (!opts.starterRules) await env.DB.prepare("DELETE FROM alert_rules WHERE project_id = ?").bind(projectId).run();
  await expectOk(post(`/projects/${projectId}/plan/import`, { table }));
  const tokens: string[] = [];
  const stationIds: string[] = [];
  for (let i = 1; i <= stations; i++) {
    const res = await expectOk(post(`/projects/${projectId}/stations`, { name: `Trạm ${i}` }));
    const body = (await res.json()) as { id: string; token: string };
    tokens.push(body.token);
    stationIds.push(body.id);
  }
  return { projectId, provinceId, tokens, stationIds };
}

async function expectOk(p: Promise<Response>): Promise<Response> {
  const res = await p;
  if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
  return res;
}

export function postCounters(projectId: string, token: string | null, body: unknown): Promise<Response> {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  return post(`/projects/${projectId}/counters`, body, headers);
}

export function events(prefix: string, n: number, fonds = "1", kind: CounterEventInput["kind"] = "pages", delta = 1): CounterEventInput[] {
  return Array.from({ length: n }, (_, i) => ({ id: `${prefix}-${i}`, fonds, kind, delta }));
}

export function room(projectId: string) {
  return env.PROJECT_ROOM.get(env.PROJECT_ROOM.idFromName(projectId));
}

export { CardWatcher, Watcher } from "./watchers";

export interface SignedIn {
  userId: string;
  email: string;
  /** Cookie + CSRF headers for writes, like the dashboard sends. */
  headers: Record<string, string>;
  cookie: string;
}

/** A real user with a real password, a role in a province (or project), signed in through POST /auth/login. */
export async function signIn(name: string, role: "admin" | "supervisor" | "leader", scope: { provinceId?: string; projectId?: string }): Promise<SignedIn> {
  const email = `${crypto.randomUUID().slice(0, 8)}@so-noi-vu.example`;
  const password = "mật-khẩu-đủ-dài-123";
  const created = await post("/users", { email, name, password });
  if (created.status !== 201) throw new Error(`user: ${created.status} ${await created.text()}`);
  const { id } = (await created.json()) as { id: string };
  const grant = scope.projectId ? `/projects/${scope.projectId}/members` : scope.provinceId ? `/provinces/${scope.provinceId}/members` : "/members"; // no scope: system-wide
  const granted = await post(grant, { email, role });
  if (!granted.ok) throw new Error(`grant: ${granted.status} ${await granted.text()}`);
  const login = await post("/auth/login", { email, password }, { "Content-Type": "application/json" });
  if (!login.ok) throw new Error(`login: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get("Set-Cookie") ?? "").split(";")[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return { userId: id, email, cookie, headers: { Cookie: cookie, "X-CSRF-Token": csrfToken, "Content-Type": "application/json" } };
}

/** Runs the project's alarm a few times: enough to flush its outbox to D1 (the alarm re-arms itself while rules exist). */
export async function drainAlarms(projectId: string, times = 5): Promise<void> {
  for (let i = 0; i < times; i++) if (!(await runDurableObjectAlarm(room(projectId)))) return;
}
