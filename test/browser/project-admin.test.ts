// A project's own set-up walked through the dashboard: archiving a finished project (and bringing it
// back), editing its details and working calendar with days typed dd/mm/yyyy, and the audit log's views.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, launch, operator, postCounter, screenshot, signedInPage } from "./browser";
import { freshProject, signInAs } from "./fresh-project";

describe.runIf(hasChromium || process.env.CI)("a project's set-up in the dashboard", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("archives a finished project after a confirmation: read-only, listed apart, still readable; its province admin brings it back", async () => {
    const p = await freshProject();
    const page = await signInAs(browser, p.admin, `/p/${p.projectId}/setup`);
    const archive = page.locator('section[aria-labelledby="project-archive"]');
    await archive.locator('input[name="reason"]').fill("Đã nghiệm thu, kết thúc dự án");
    const asked: string[] = [];
    page.once("dialog", (d) => (asked.push(d.message()), void d.accept()));
    await archive.getByRole("button", { name: "Lưu trữ dự án" }).click();
    await archive.getByRole("status").filter({ hasText: "Đã lưu trữ dự án." }).waitFor();
    expect(asked[0]).toContain(p.projectName);
    await page.locator("h1 .badge--archived", { hasText: "Đã lưu trữ" }).waitFor();
    expect(await page.locator(".archived-notice").textContent()).toMatch(/Dự án đã lưu trữ ngày \d{2}\/\d{2}\/\d{4}: chỉ đọc\./);
    // The details and calendar can no longer be changed here, and the server refuses the station's counters.
    expect(await page.locator('fieldset.admin__frozen input[name="name"]').isDisabled()).toBe(true);
    const refused = await postCounter(p.projectId, p.station.token, [{ id: `a-${p.projectId}`, fonds: "1", kind: "pages", delta: 5 }]);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("archived");
    await screenshot(page, "project-archived");
    await page.getByRole("link", { name: p.projectName }).first().click();
    await page.waitForURL(`**/p/${p.projectId}`);
    await page.locator("h1.project__name .badge--archived").waitFor(); // from the project's snapshot
    await page.goto(`${page.url()}/plan`);
    await page.locator(".archived-notice").waitFor();
    expect(await page.locator('textarea[name="table"]').isDisabled()).toBe(true);

    // The overview lists it apart, under its own heading, and its page still opens.
    await page.getByRole("link", { name: "Toàn tỉnh", exact: true }).first().click();
    const apart = page.locator("section.province", { hasText: p.provinceName });
    await apart.getByRole("heading", { name: "Dự án đã lưu trữ" }).waitFor();
    await apart.locator("article.card", { hasText: p.projectName }).locator(".badge--archived").waitFor();
    await apart.getByRole("link", { name: p.projectName }).click();
    await page.waitForURL(`**/p/${p.projectId}`);
    await page.locator("article.kind").first().waitFor();

    // A dismissed confirmation changes nothing; an accepted one brings it back.
    await page.goto(`${page.url()}/setup`);
    await archive.locator('input[name="reason"]').fill("Bổ sung phông còn thiếu");
    page.once("dialog", (d) => void d.dismiss());
    await archive.getByRole("button", { name: "Mở lại dự án" }).click();
    expect(await page.locator("h1 .badge--archived").count()).toBe(1);
    page.once("dialog", (d) => void d.accept());
    await archive.getByRole("button", { name: "Mở lại dự án" }).click();
    await archive.getByRole("status").filter({ hasText: "Đã mở lại dự án." }).waitFor();
    expect(await page.locator("h1 .badge--archived").count()).toBe(0);
    expect(await page.locator('input[name="name"]').isDisabled()).toBe(false);
    expect((await postCounter(p.projectId, p.station.token, [{ id: `b-${p.projectId}`, fonds: "1", kind: "pages", delta: 5 }])).status).toBe(200);

    // Both steps are in the project's audit log, with who and why.
    await page.goto(`${page.url().replace(/\/setup$/, "")}/audit`);
    await page.locator('input[name="action"]').fill("project");
    await page.getByRole("button", { name: "Lọc" }).click();
    const rows = page.locator(".audit-log tbody tr");
    await expect.poll(async () => rows.count()).toBe(3);
    expect(await rows.nth(0).textContent()).toContain("project.unarchive");
    expect(await rows.nth(0).textContent()).toContain("Bổ sung phông còn thiếu");
    expect(await rows.nth(1).textContent()).toContain("Đã nghiệm thu, kết thúc dự án");
    await page.close();
  });

  it("edits the project's details and working calendar, days typed dd/mm/yyyy and a wrong one said beside its field", async () => {
    const p = await freshProject();
    const year = new Date().getUTCFullYear();
    const page = await signInAs(browser, p.admin, `/p/${p.projectId}/setup`);
    const details = page.locator('section[aria-labelledby="project-details"]');
    await details.locator('input[name="legalBasis"]').fill(`Quyết định số 2567/QĐ-UBND ngày 15/03/${year}`);
    await details.locator('input[name="periodEnd"]').fill(`12/31/${year + 1}`); // month first: no such day
    await details.getByRole("button", { name: "Lưu" }).click();
    await expect.poll(async () => details.locator("#periodEnd-note").textContent()).toContain("dd/mm/yyyy");
    await details.locator('input[name="periodEnd"]').fill(`30/06/${year + 1}`);
    await details.getByRole("button", { name: "Lưu" }).click();
    await details.getByRole("status").filter({ hasText: "Đã lưu." }).waitFor();
    const { project } = await operator<{ project: { legalBasis: string; periodEnd: string } }>("GET", `/projects/${p.projectId}/snapshot`);
    expect(project).toMatchObject({ legalBasis: `Quyết định số 2567/QĐ-UBND ngày 15/03/${year}`, periodEnd: `${year + 1}-06-30` });

    const calendar = page.locator('section[aria-labelledby="project-calendar"]');
    await calendar.locator('textarea[name="holidays"]').fill(`02/09/${year}\n31/02/${year}`);
    await calendar.getByRole("button", { name: "Lưu lịch làm việc" }).click();
    await expect.poll(async () => calendar.locator("#holidays-note").textContent()).toContain(`31/02/${year}`);
    await calendar.locator('textarea[name="holidays"]').fill(`02/09/${year}\n03/09/${year}`);
    await calendar.locator('textarea[name="workingSaturdays"]').fill(`26/09/${year}`);
    await calendar.locator('input[name="dayStart"]').fill("08:00");
    await calendar.getByRole("button", { name: "Lưu lịch làm việc" }).click();
    await calendar.getByRole("status").filter({ hasText: "Đã lưu." }).waitFor();
    expect(await operator("GET", `/projects/${p.projectId}/calendar`)).toMatchObject({ holidays: [`${year}-09-02`, `${year}-09-03`], workingSaturdays: [`${year}-09-26`], dayStart: "08:00" });
    // Shown back as typed after a reload.
    await page.reload();
    await page.locator('textarea[name="holidays"]').waitFor();
    await expect.poll(async () => page.locator('textarea[name="holidays"]').inputValue()).toBe(`02/09/${year}\n03/09/${year}`);
    expect(await page.locator('input[name="periodEnd"]').inputValue()).toBe(`30/06/${year + 1}`);
    await page.close();
  });

  it("shows a system administrator the whole audit log, system-wide role grants included", async () => {
    const page = await signedInPage(browser, "hethong@demo.vn", "/admin");
    await page.getByRole("link", { name: "Nhật ký toàn hệ thống" }).click();
    await page.waitForURL("**/admin/audit");
    await page.locator('input[name="who"]').fill("ADMIN_TOKEN");
    await page.locator('input[name="action"]').fill("member.grant");
    await page.getByRole("button", { name: "Lọc" }).click();
    // The demo's system administrator got a role of no province: only this view lists it.
    await page.locator(".audit-log tbody tr", { hasText: "hethong@demo.vn" }).first().waitFor();
    await page.close();
  });
});
