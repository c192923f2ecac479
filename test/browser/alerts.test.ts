import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { PROJECT, hasChromium, launch, screenshot, signedInPage } from "./browser";

async function deliveriesInD1(): Promise<number> {
  const { url, adminToken } = inject("server");
  const res = await fetch(`${url}/api/v1/projects/${PROJECT}/deliveries`, { headers: { Authorization: `Bearer ${adminToken}` } });
  return ((await res.json()) as { deliveries: unknown[] }).deliveries.length;
}

describe.runIf(hasChromium || process.env.CI)("alert rules and the alert feed in Chromium", () => {
  let browser: Browser;
  let receiver: Server;
  const received: unknown[] = [];
  beforeAll(async () => {
    browser = await launch();
    // A webhook receiver, as a province's chat bot or mail gateway would be.
    receiver = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        received.push(JSON.parse(body || "null"));
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  });
  afterAll(async () => {
    await browser?.close();
    receiver?.close();
  });

  it("an admin adds a rule and a contact point; a supervisor sees the alert fire at once and acknowledges it", { timeout: 240_000 }, async () => {
    // The supervisor is already watching the project when the rule is made.
    const supervisor = await signedInPage(browser, "giamsat.hatinh@demo.vn", `/p/${PROJECT}`);
    await supervisor.locator(".conn--live").waitFor({ timeout: 15_000 });

    const admin = await signedInPage(browser, "quantri@demo.vn", `/p/${PROJECT}/rules`);
    admin.on("dialog", (d) => void d.accept());
    await admin.getByRole("heading", { name: "Thêm quy tắc" }).waitFor({ timeout: 15_000 });
    await admin.fill('input[name="name"]', "Nhóm giám sát");
    await admin.selectOption('section[aria-labelledby="cp-title"] select[name="type"]', "webhook");
    await admin.fill('input[name="url"]', `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`);
    // At once and at any hour: the test may run at night, when a muted contact point would hold the message.
    await admin.fill('input[name="groupWait"]', "0");
    await admin.uncheck('input[name="mute"]');
    await admin.getByRole("button", { name: "Thêm điểm nhận" }).click();
    await admin.locator(".rule", { hasText: "Nhóm giám sát" }).waitFor();

    // Behind schedule, per fonds, 5 % tolerance: fonds 21 is far behind its plan (see the backfill).
    await admin.selectOption('select[name="fonds"]', "*");
    await admin.selectOption('select[name="kind"]', "pages");
    await admin.fill('input[name="threshold"]', "5");
    await admin.getByRole("button", { name: "Thêm quy tắc" }).click();
    await admin.locator(".rule", { hasText: "Từng phông · Trang A4" }).waitFor();
    expect(await admin.locator(".rule", { hasText: "Từng phông · Trang A4" }).textContent()).toContain("5,0");

    // Within moments, without reload, on the supervisor's screen: a notice and the alert in the feed.
    const toast = supervisor.locator(".toast");
    await toast.waitFor({ timeout: 10_000 });
    expect(await toast.textContent()).toContain("Ủy ban nhân dân tỉnh Hà Tĩnh");
    // Several fonds behind make one group, closed when large: open it to reach fonds 21.
    const group = supervisor.locator(".alert-group", { hasText: "Chậm tiến độ" });
    if ((await group.count()) > 0 && !(await group.locator("details").getAttribute("open"))) await group.locator("summary").click();
    const alert = supervisor.locator(".alert", { hasText: "Ủy ban nhân dân tỉnh Hà Tĩnh" }).first();
    await alert.waitFor();
    expect(await alert.getAttribute("class")).toContain("alert--firing");
    await screenshot(supervisor, "alerts-firing");
    await alert.getByRole("button", { name: "Xác nhận" }).click();
    await alert.locator("textarea").fill("Đã kiểm tra ngày 20: thiếu máy quét khổ lớn");
    await alert.locator("form").getByRole("button", { name: "Xác nhận" }).click();
    await expect.poll(async () => alert.getAttribute("class"), { timeout: 10_000 }).toContain("alert--acknowledged");
    await expect.poll(async () => alert.locator(".alert__ack").textContent(), { timeout: 10_000 }).toContain("Trần Thị Giám");
    // Every watcher sees the acknowledgement: the admin's project page too.
    await admin.goto(admin.url().replace(/\/rules$/, ""));
    await expect.poll(async () => admin.locator(".alert__ack").first().textContent(), { timeout: 15_000 }).toContain("thiếu máy quét khổ lớn");

    // Leaders see the rules but cannot change them.
    const leader = await signedInPage(browser, "lanhdao.hatinh@demo.vn", `/p/${PROJECT}/rules`);
    await leader.locator(".rule").first().waitFor({ timeout: 15_000 });
    expect(await leader.getByRole("button", { name: "Thêm quy tắc" }).count()).toBe(0);
    expect(await leader.locator(".notice").textContent()).toContain("Chỉ quản trị viên");

    // The contact point was told, and the delivery is listed on the rules page. The delivery log reaches D1
    // with the project's next flush, up to a minute later (worker/alerts/history.ts), so wait for it there first.
    await expect.poll(() => received.length, { timeout: 20_000 }).toBeGreaterThan(0);
    await expect.poll(() => deliveriesInD1(), { timeout: 150_000, interval: 5_000 }).toBeGreaterThan(0);
    await admin.goto(`${admin.url()}/rules`);
    await expect.poll(async () => admin.locator(".grid-table tbody tr").count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await screenshot(admin, "rules");

    // An existing rule's keep-firing minutes are changed in place (against a fonds hovering at the threshold).
    const rule = admin.locator(".rule", { hasText: "Từng phông · Trang A4" });
    expect(await rule.locator(".rule__meta").textContent()).not.toContain("giữ");
    await rule.getByRole("button", { name: "Sửa" }).click();
    await rule.getByLabel("Giữ trạng thái bật sau khi hết điều kiện (phút)").fill("45");
    await rule.getByRole("button", { name: "Lưu" }).click();
    await expect.poll(() => rule.locator(".rule__meta").textContent(), { timeout: 10_000 }).toContain("giữ 45 phút");
    await admin.reload();
    await expect.poll(() => admin.locator(".rule", { hasText: "Từng phông · Trang A4" }).locator(".rule__meta").textContent(), { timeout: 15_000 }).toContain("giữ 45 phút");

    // Clean up: the rule is deleted, the contact point too (other test files assume no rules).
    await admin.locator(".rule", { hasText: "Từng phông" }).getByRole("button", { name: "Xóa" }).click();
    await admin.locator(".rule", { hasText: "Nhóm giám sát" }).getByRole("button", { name: "Xóa" }).click();
    await expect.poll(async () => admin.locator(".rule").count()).toBe(0);
    await Promise.all([supervisor.close(), admin.close(), leader.close()]);
  });
});
