// A province set up through the dashboard alone, from an empty system, as a new deployment starts: a
// server of this file's own on a fresh state with only the migrations applied (no demo data) and an
// operator token. The operator opens the first system administrator's account on the sign-in page; no
// API call follows but the station's counter posts (the scan PC's part).
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
// @ts-expect-error plain ESM helpers shared with npm start (scripts/lib)
import { applyMigrations, startServer, waitUntilReady } from "../../scripts/lib/local-server.mjs";
import { seriousViolations } from "./a11y";
import { addStation, createAccount, createProject, createProvince, openUsers, pasteAndPreview, postCounter, signIn } from "./admin-steps";
import { hasChromium, launch, screenshot } from "./browser";

const FIXTURE = readFileSync(new URL("../../../shared/fixtures/khanhhoa-2024-arrangement.tsv", import.meta.url), "utf8");

/** A port nobody listens on now (the shared server has BROWSER_TEST_PORT; other checkouts theirs). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

describe.runIf(hasChromium || process.env.CI)("setting a province up from an empty system, in the dashboard alone", () => {
  let browser: Browser;
  let url = "";
  /** Stops this file's server and waits for it to exit, so its state directory can go. */
  let stop = async () => {};
  let stateDir = "";
  const operatorToken = randomBytes(24).toString("base64url");

  beforeAll(async () => {
    stateDir = mkdtempSync(join(tmpdir(), "archive-empty-"));
    applyMigrations(stateDir);
    const server = startServer({ mode: "built", port: await freePort(), persistTo: stateDir, adminToken: operatorToken, distDir: inject("server").distDir }) as {
      url: string;
      stop: () => void;
      child: import("node:child_process").ChildProcess;
    };
    stop = async () => {
      const exited = new Promise((resolve) => (server.child.exitCode !== null ? resolve(null) : server.child.once("exit", resolve)));
      server.stop();
      await exited;
    };
    url = server.url;
    await waitUntilReady(url);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await stop();
    if (stateDir) rmSync(stateDir, { recursive: true, force: true });
  });

  it("the operator's first run, a province, its admin, a project with a pasted plan, a station, a leader and a supervisor; the leader sees the counters live", async () => {
    const suffix = crypto.randomUUID().slice(0, 6);
    const provinceName = "Khánh Hòa";
    const projectId = `kh-${suffix}`;
    const year = new Date().getUTCFullYear();

    // The empty system's sign-in page offers the first run; a wrong operator token is said beside its field.
    // CSP bypassed for this page only, so axe-core can be injected (test/browser/a11y.ts).
    const operator = await browser.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    await operator.goto(`${url}/`);
    await operator.getByText("Hệ thống chưa có tài khoản nào.").waitFor();
    expect(await seriousViolations(operator)).toEqual([]);
    await operator.getByRole("button", { name: "Khởi tạo hệ thống" }).click();
    await operator.locator('input[name="operatorToken"]').fill("khong-phai-ma-nay");
    await operator.locator('input[name="name"]').fill("Đỗ Minh Hệ");
    await operator.locator('input[name="email"]').fill("hethong@snv.khanhhoa.gov.vn");
    await operator.locator('input[name="password"]').fill("mật-khẩu-hệ-thống-đủ-dài");
    await operator.getByRole("button", { name: "Tạo tài khoản và đăng nhập" }).click();
    await expect.poll(async () => operator.locator("#operatorToken-note").textContent()).toBe("Mã quản trị không đúng.");
    expect(await seriousViolations(operator)).toEqual([]);
    await screenshot(operator, "first-run");
    await operator.locator('input[name="operatorToken"]').fill(operatorToken);
    await operator.getByRole("button", { name: "Tạo tài khoản và đăng nhập" }).click();
    // Signed in as the new system administrator, who opens the province.
    await operator.getByRole("button", { name: "Đăng xuất", exact: true }).waitFor();
    const system = operator;
    await createProvince(system, provinceName);
    expect(await system.getByRole("heading", { name: provinceName }).count()).toBe(1);

    // …and its administrator's account, with the one-time password the page shows.
    await openUsers(system);
    const adminEmail = `quantri-${suffix}@snv.example`;
    const adminPassword = await createAccount(system, provinceName, "admin", "Trần Văn Quản Trị", adminEmail);
    expect(adminPassword).toMatch(/^[a-z2-9-]{24}$/);
    await system.getByRole("button", { name: "Đăng xuất", exact: true }).click();
    // Once an account exists the sign-in page no longer offers the first run.
    await system.locator('input[name="password"]').waitFor();
    await system.reload();
    await system.locator('input[name="password"]').waitFor();
    expect(await system.getByRole("button", { name: "Khởi tạo hệ thống" }).count()).toBe(0);
    await system.close();

    // The province admin signs in and creates the project; a date typed month first is said beside its field.
    const admin = await signIn(browser, url, adminEmail, adminPassword);
    const project = { id: projectId, name: "Chỉnh lý tài liệu lưu trữ giai đoạn 2024 - 2026", legalBasis: "Quyết định số 14698/QĐ-UBND ngày 23/12/2024", start: `12/31/${year}`, end: `31/12/${year + 1}` };
    await createProject(admin, project);
    await expect.poll(async () => admin.locator("#periodStart-note").textContent()).toContain("dd/mm/yyyy");
    await admin.locator('input[name="periodStart"]').fill(`01/01/${year}`);
    await admin.getByRole("button", { name: "Tạo dự án" }).click();
    await admin.waitForURL(`**/p/${projectId}/plan`);
    // The empty project's page leads to the import rather than ending at "no plan".
    await admin.getByRole("link", { name: project.name }).click();
    await admin.waitForURL(`**/p/${projectId}`);
    await admin.getByText("Dự án chưa có kế hoạch.").waitFor();
    await admin.getByRole("link", { name: "Nhập kế hoạch" }).click();
    await admin.waitForURL(`**/p/${projectId}/plan`);

    // A malformed table: the error is pinned to its line and column, and nothing is imported.
    await pasteAndPreview(admin, FIXTURE.replace("887", "8x7"));
    await admin.locator('.plan-errors__row[data-line="2"][data-column="3"]').waitFor();
    expect(await admin.getByRole("button", { name: /Xác nhận nhập/ }).count()).toBe(0);
    await screenshot(admin, "admin-plan-error");
    expect(await admin.getByText("Dự án chưa có kế hoạch.").count()).toBe(1);

    // The fixture as officials keep it (decimal commas): preview with the totals, then confirm.
    await pasteAndPreview(admin, FIXTURE);
    const totals = admin.locator(".plan-preview__totals");
    await expect.poll(async () => totals.textContent()).toContain("2.429,40");
    expect(await totals.textContent()).toContain("3.098,50");
    expect(await admin.getByText("Dự án chưa có kế hoạch.").count()).toBe(1); // the preview wrote nothing
    await screenshot(admin, "admin-plan-preview");
    await admin.getByRole("button", { name: "Xác nhận nhập 8 phông" }).click();
    await admin.getByRole("status").filter({ hasText: "Đã nhập kế hoạch: 8 phông" }).waitFor();
    await admin.locator(".plan-targets").getByText("Huyện Diên Khánh").waitFor();

    // A station; its token is copied from the page, as an administrator would.
    await admin.getByRole("link", { name: "Thêm trạm quét" }).click();
    await admin.waitForURL(`**/p/${projectId}/stations`);
    const token = await addStation(admin, url, "Tổ chỉnh lý 1");
    expect(token).toMatch(/^st_/);
    await admin.locator(".token-once__qr svg").waitFor();
    await screenshot(admin, "admin-station-token");
    // Shown once: after a reload the station is listed and its token is nowhere.
    await admin.reload();
    await admin.locator(".stations-admin").getByText("Tổ chỉnh lý 1").waitFor();
    expect(await admin.locator("[data-token]").count()).toBe(0);
    expect(await admin.content()).not.toContain(token);

    // A leader and a supervisor for the province.
    await openUsers(admin);
    const leaderEmail = `lanhdao-${suffix}@snv.example`;
    const leaderPassword = await createAccount(admin, provinceName, "leader", "Phạm Thị Lãnh Đạo", leaderEmail);
    await createAccount(admin, provinceName, "supervisor", "Lê Văn Giám Sát", `giamsat-${suffix}@snv.example`);
    await admin.locator("tr", { hasText: leaderEmail }).waitFor();
    await admin.close();

    // The leader watches; the scan PC posts with the token; the total moves without a reload.
    const leader = await signIn(browser, url, leaderEmail, leaderPassword, `/p/${projectId}`);
    const metres = leader.locator("article.kind", { hasText: "Chỉnh lý sơ bộ (m)" }).locator(".kind__actual");
    await expect.poll(async () => (await metres.textContent()) ?? "", { timeout: 15_000 }).toBe("0,00");
    await leader.waitForSelector(".conn--live", { timeout: 15_000 });
    const posted = await postCounter(url, projectId, token, [{ id: `kh-${suffix}-1`, fonds: "04", kind: "metres", delta: 12.5 }]);
    expect(posted.status).toBe(200);
    await expect.poll(async () => metres.textContent(), { timeout: 5_000 }).toBe("12,50");
    await screenshot(leader, "admin-leader-live");
    await leader.close();
  });
});
