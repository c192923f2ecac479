import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { PROJECT, hasChromium, launch, screenshot, signedInPage } from "./browser";

async function operator(method: string, path: string, body?: unknown) {
  const { url, adminToken } = inject("server");
  const res = await fetch(`${url}/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${adminToken}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return res.json() as Promise<Record<string, unknown>>;
}

describe.runIf(hasChromium || process.env.CI)("moving planned volume from an under-plan alert (seed 001)", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("an admin moves volume from the fonds the alert names, and the move is recorded", { timeout: 120_000 }, async () => {
    // Fonds 21 of the demo history is far behind: at its pace it ends below its plan.
    const rule = (await operator("POST", `/projects/${PROJECT}/alert-rules`, { type: "under_plan", fonds: "21", kind: "pages", threshold: 0, pendingMinutes: 0 })) as { id: string };
    try {
      const page = await signedInPage(browser, "quantri@demo.vn", `/p/${PROJECT}`);
      const move = page.getByRole("button", { name: "Chuyển khối lượng kế hoạch" });
      await move.waitFor({ timeout: 20_000 });
      await move.click();
      await page.selectOption('select[name="to"]', "4");
      await page.fill('input[name="amount"]', "1");
      await screenshot(page, "move-plan");
      await page.locator("form.alert__form button[type=submit]").click();
      await page.getByRole("status").filter({ hasText: "Đã chuyển khối lượng kế hoạch." }).waitFor({ timeout: 10_000 });
      const { moves } = (await operator("GET", `/projects/${PROJECT}/plan/moves`)) as { moves: { fromFonds: string; toFonds: string; amount: number; kind: string; userName: string }[] };
      expect(moves[0]).toMatchObject({ fromFonds: "21", toFonds: "4", kind: "pages", amount: 1, userName: "Nguyễn Văn Quản" });
      await page.close();
    } finally {
      // Leave the shared demo as the other browser tests expect it.
      await operator("POST", `/projects/${PROJECT}/plan/move`, { kind: "pages", from: "4", to: "21", amount: 1, reason: "hoàn lại sau kiểm thử" });
      await operator("DELETE", `/projects/${PROJECT}/alert-rules/${rule.id}`);
    }
  });
});
