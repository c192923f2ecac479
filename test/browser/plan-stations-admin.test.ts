// The plan and stations pages walked as an administrator would: weekly targets pasted (a malformed table
// first), a fonds renamed and marked restricted after its warning, plan moves listed, and a station
// renamed, given a new token, printed and revoked.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, launch, operator, postCounter, screenshot } from "./browser";
import { freshProject, signInAs } from "./fresh-project";

type Snapshot = { fonds: { code: string; name: string; restricted: boolean; periods?: Record<string, { from: string; to: string; amount: number }[]> }[] };

describe.runIf(hasChromium || process.env.CI)("the plan and stations pages", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("pastes weekly targets: errors pinned to line and column with nothing sent, then a preview with totals, then saved", async () => {
    const p = await freshProject();
    const year = new Date().getUTCFullYear();
    const page = await signInAs(browser, p.admin, `/p/${p.projectId}/plan`);
    const periods = page.locator('section[aria-labelledby="periods-title"]');
    const header = "Mã phông\tLoại công việc\tTừ ngày\tĐến ngày\tKhối lượng";
    await periods.locator('textarea[name="periods"]').fill([header, `1\tSố hóa trang tài liệu\t02/03/${year}\t08/03/${year}\t1.200`, `7\tSố hóa trang tài liệu\t03/13/${year}\t08/03/${year}\t500`].join("\n"));
    await periods.getByRole("button", { name: "Xem trước" }).click();
    await periods.locator('.plan-errors__row[data-line="3"][data-column="1"]').waitFor();
    await periods.locator('.plan-errors__row[data-line="3"][data-column="3"]').waitFor();
    expect(await periods.getByRole("button", { name: /Xác nhận/ }).count()).toBe(0);
    await screenshot(page, "periods-error");

    const good = [header, `1\tSố hóa trang tài liệu\t02/03/${year}\t08/03/${year}\t1.200`, `1\tSố hóa trang tài liệu\t09/03/${year}\t15/03/${year}\t500`, `2\tChỉnh lý sơ bộ (mét)\t01/03/${year}\t31/03/${year}\t12,50`];
    await periods.locator('textarea[name="periods"]').fill(good.join("\n"));
    await periods.getByRole("button", { name: "Xem trước" }).click();
    const totals = periods.locator(".plan-preview__totals");
    await expect.poll(async () => totals.allTextContents()).toEqual([expect.stringContaining("1.700"), expect.stringContaining("12,50")]);
    expect(await periods.locator(".period-preview tbody tr").first().textContent()).toContain(`02/03/${year}`);
    const before = await operator<Snapshot>("GET", `/projects/${p.projectId}/snapshot`);
    expect(before.fonds.every((f) => f.periods === undefined)).toBe(true); // the preview sent nothing
    await screenshot(page, "periods-preview");
    await periods.getByRole("button", { name: "Xác nhận 3 dòng chỉ tiêu" }).click();
    await periods.getByRole("status").filter({ hasText: "Đã lưu 3 dòng chỉ tiêu theo kỳ." }).waitFor();
    const after = await operator<Snapshot>("GET", `/projects/${p.projectId}/snapshot`);
    expect(after.fonds.find((f) => f.code === "1")?.periods?.pages).toEqual([
      { from: `${year}-03-02`, to: `${year}-03-08`, amount: 1200 },
      { from: `${year}-03-09`, to: `${year}-03-15`, amount: 500 },
    ]);
    expect(after.fonds.find((f) => f.code === "2")?.periods?.metres).toEqual([{ from: `${year}-03-01`, to: `${year}-03-31`, amount: 1250 }]);
    await page.close();
  });

  it("renames a fonds and marks it restricted after saying what leaders will no longer see; lists plan moves with who and why", async () => {
    const p = await freshProject();
    await operator("POST", `/projects/${p.projectId}/plan/move`, { kind: "pages", from: "1", to: "2", amount: 62, reason: "Phông 2 bổ sung hồ sơ năm 2015" });
    const page = await signInAs(browser, p.admin, `/p/${p.projectId}/plan`);
    const moves = page.locator(".plan-moves tbody tr");
    await moves.first().waitFor();
    expect(await moves.first().textContent()).toMatch(/Quản trị hệ thống.*1 Ủy ban nhân dân huyện Can Lộc → 2 Phòng Tư pháp huyện Can Lộc.*62.*Phông 2 bổ sung hồ sơ năm 2015/);

    const row = page.locator(".plan-targets tbody tr", { hasText: "Phòng Tư pháp huyện Can Lộc" });
    await row.getByRole("button", { name: "Sửa" }).click();
    const form = page.locator("form.fonds-form");
    await form.locator('input[name="name"]').fill("Phòng Tư pháp huyện Can Lộc (1991 - 2015)");
    await form.locator('input[name="agency"]').fill("UBND huyện Can Lộc");
    expect(await form.locator(".notice--warning").count()).toBe(0);
    await form.locator('input[name="restricted"]').check();
    expect(await form.locator(".notice--warning").textContent()).toContain("ẩn với lãnh đạo");
    await screenshot(page, "fonds-restrict-warning");
    await form.getByRole("button", { name: "Lưu" }).click();
    const renamed = page.locator(".plan-targets tbody tr", { hasText: "Phòng Tư pháp huyện Can Lộc (1991 - 2015)" });
    await renamed.locator(".badge--restricted").waitFor();
    expect(await renamed.locator(".plan-targets__agency").textContent()).toBe("UBND huyện Can Lộc");
    const snapshot = await operator<Snapshot>("GET", `/projects/${p.projectId}/snapshot`);
    expect(snapshot.fonds.find((f) => f.code === "2")).toMatchObject({ name: "Phòng Tư pháp huyện Can Lộc (1991 - 2015)", restricted: true });
    await page.close();
  });

  it("renames a station (its token keeps working), prints its setup sheet, issues a new token (the old one stops) and revokes it", async () => {
    const p = await freshProject();
    const page = await signInAs(browser, p.admin, `/p/${p.projectId}/stations`);
    const row = () => page.locator(".stations-admin tbody tr").first();
    await row().getByRole("button", { name: "Đổi tên" }).click();
    await row().locator('input[name="name"]').fill("Máy quét tầng 2");
    await row().getByRole("button", { name: "Lưu" }).click();
    await page.locator(".stations-admin tbody th", { hasText: "Máy quét tầng 2" }).waitFor();
    expect((await postCounter(p.projectId, p.station.token, [{ id: `r-${p.projectId}`, fonds: "1", kind: "pages", delta: 3 }])).status).toBe(200);

    page.once("dialog", (d) => void d.accept());
    await row().getByRole("button", { name: "Cấp mã mới" }).click();
    const code = page.locator("[data-token]");
    await code.waitFor();
    const token = (await code.getAttribute("data-token")) ?? "";
    expect(token).toMatch(/^st_/);
    expect(token).not.toBe(p.station.token);
    expect(await page.locator(".token-once").textContent()).toContain("Máy quét tầng 2");
    expect((await postCounter(p.projectId, p.station.token, [{ id: `o-${p.projectId}`, fonds: "1", kind: "pages", delta: 1 }])).status).toBe(401);
    expect((await postCounter(p.projectId, token, [{ id: `n-${p.projectId}`, fonds: "1", kind: "pages", delta: 1 }])).status).toBe(200);

    // The printed sheet: the project code, the server and the token with its QR code, and no page chrome.
    await page.locator(".token-once__qr svg").waitFor();
    await page.getByRole("button", { name: "In phiếu cài đặt" }).click();
    await page.emulateMedia({ media: "print" });
    const sheet = page.locator(".setup-sheet");
    expect(await sheet.isVisible()).toBe(true);
    expect(await sheet.textContent()).toContain(p.projectId);
    expect(await sheet.locator("[data-token]").isVisible()).toBe(true);
    for (const hidden of ["#new-station", ".stations-admin", ".token-once .admin__actions"]) expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
    await screenshot(page, "station-setup-sheet-print");
    await page.emulateMedia({ media: "screen" });

    await page.getByRole("button", { name: "Xong, ẩn mã" }).click();
    page.once("dialog", (d) => void d.accept());
    await row().getByRole("button", { name: "Thu hồi" }).click();
    await expect.poll(async () => row().textContent()).toMatch(/Đã thu hồi ngày \d{2}\/\d{2}\/\d{4}/);
    expect((await postCounter(p.projectId, token, [{ id: `v-${p.projectId}`, fonds: "1", kind: "pages", delta: 1 }])).status).toBe(401);
    await page.close();
  });
});
