import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { PROJECT, hasChromium, launch, operator, screenshot, signedInPage } from "./browser";

describe.runIf(hasChromium || process.env.CI)("moving planned volume from an under-plan alert (seed 001)", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

/** What fonds `code` must deliver of pages (funded when set, else approved), as the server has it. */
async function pagesPlan(code: string): Promise<number> {
  const snap = (await operator("GET", `/projects/${PROJECT}/snapshot`)) as { fonds: { code: string; approved: Record<string, number>; funded: Record<string, number> }[] };
  const f = snap.fonds.find((x) => x.code === code)!;
  return f.funded.pages || f.approved.pages || 0;
}

  it("an admin moves 1.000 pages (a thousand, typed the Vietnamese way) from the fonds the alert names, and both plans change by 1.000", { timeout: 120_000 }, async () => {
    // Fonds 21 of the demo history is far behind: at its pace it ends below its plan.
    const planBefore = await pagesPlan("21");
    const rule = (await operator("POST", `/projects/${PROJECT}/alert-rules`, { type: "under_plan", fonds: "21", kind: "pages", threshold: 0, pendingMinutes: 0 })) as { id: string };
    try {
      const page = await signedInPage(browser, "quantri@demo.vn", `/p/${PROJECT}`);
      const move = page.getByRole("button", { name: "Chuyển khối lượng kế hoạch" });
      await move.waitFor({ timeout: 20_000 });
      await move.click();
      // The shortfall is prefilled as people write it: "8.628", never "8628".
      const amount = page.locator('input[name="amount"]');
      expect(await amount.inputValue()).toMatch(/^\d{1,3}(\.\d{3})*$/);
      expect(await amount.getAttribute("type")).toBeNull();
      await page.selectOption('select[name="to"]', "4");
      // A misplaced separator is refused next to the field, in Vietnamese, and nothing is sent.
      await amount.fill("1.00");
      await page.locator("form.alert__form button[type=submit]").click();
      await page.locator(".field__error").filter({ hasText: "hàng nghìn" }).waitFor({ timeout: 5_000 });
      const [fromBefore, toBefore] = [await pagesPlan("21"), await pagesPlan("4")];
      await amount.fill("1.000");
      await screenshot(page, "move-plan");
      await page.locator("form.alert__form button[type=submit]").click();
      await page.getByRole("status").filter({ hasText: "Đã chuyển khối lượng kế hoạch." }).waitFor({ timeout: 10_000 });
      const { moves } = (await operator("GET", `/projects/${PROJECT}/plan/moves`)) as { moves: { fromFonds: string; toFonds: string; amount: number; kind: string; userName: string }[] };
      expect(moves[0]).toMatchObject({ fromFonds: "21", toFonds: "4", kind: "pages", amount: 1000, userName: "Nguyễn Văn Quản" });
      expect([await pagesPlan("21"), await pagesPlan("4")]).toEqual([fromBefore - 1000, toBefore + 1000]);
      await page.close();
    } finally {
      // Leave the shared demo as the other browser tests expect it.
      const moved = planBefore - (await pagesPlan("21"));
      if (moved > 0) await operator("POST", `/projects/${PROJECT}/plan/move`, { kind: "pages", from: "4", to: "21", amount: moved, reason: "hoàn lại sau kiểm thử" });
      await operator("DELETE", `/projects/${PROJECT}/alert-rules/${rule.id}`);
    }
  });
});
