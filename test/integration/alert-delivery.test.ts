// Notifications as a supervisor lives with them, on a controlled clock (`room(id).runAlerts(now)`): one
// message per alert group, group wait / interval / repeat, held over a holiday and a weekend, and sent by
// webhook, e-mail (the local send_email binding), Telegram and Zalo (against test/integration/webhook-server.ts).
import PostalMime from "postal-mime";
import { describe, expect, inject, it } from "vitest";
import { createProject, get, post, postCounters, room } from "./helpers";

const SEC = 1000;
const MIN = 60 * SEC;

type Received = { status: number; delivery: string; path: string; accessToken?: string; body: Record<string, unknown> & { alerts?: { scope: string; state: string }[]; kind?: string; status?: string } };

async function receiver(box: string): Promise<Received[]> {
  return (await (await fetch(`${inject("webhookBase")}/log/${box}`)).json()) as Received[];
}

/** The raw messages the local send_email binding sent to `address`; it writes them after answering, so wait for them. */
async function deliveredMail(address: string, count: number): Promise<Uint8Array[]> {
  for (const deadline = Date.now() + 15 * SEC; ; await new Promise((r) => setTimeout(r, 100))) {
    const got = (await (await fetch(`${inject("webhookBase")}/mail/${encodeURIComponent(address)}`)).json()) as string[];
    if (got.length >= count || Date.now() > deadline) return got.map((b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)));
  }
}

async function addRule(projectId: string, rule: Record<string, unknown>): Promise<string> {
  const res = await post(`/projects/${projectId}/alert-rules`, rule);
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function addContactPoint(projectId: string, cp: Record<string, unknown>): Promise<string> {
  const res = await post(`/projects/${projectId}/contact-points`, cp);
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** A project with data (one page on fonds 1) and three fonds behind on pages. */
async function behindProject() {
  const p = await createProject();
  await postCounters(p.projectId, p.tokens[0]!, { events: [{ id: "first", fonds: "1", kind: "pages", delta: 1 }] });
  return p;
}

describe("grouped notifications", () => {
  it("sends one message for a group after its group wait, the next change after the group interval, and repeats while firing", async () => {
    const box = crypto.randomUUID();
    const { projectId, tokens } = await behindProject();
    await addContactPoint(projectId, { name: "Nhóm giám sát", url: `${inject("webhookBase")}/hook/${box}`, groupWaitSeconds: 30, groupIntervalSeconds: 300, repeatIntervalSeconds: 4 * 3600 });
    await addRule(projectId, { type: "behind_schedule", fonds: "*", kind: "pages", threshold: 0.05, pendingMinutes: 0 });
    const t0 = Date.now();
    const stub = room(projectId);
    await stub.runAlerts(t0 + 20 * SEC);
    expect(await receiver(box)).toEqual([]); // still in the group wait
    await stub.runAlerts(t0 + 31 * SEC);
    const first = await receiver(box);
    expect(first).toHaveLength(1);
    expect(first[0]!.body.alerts!.map((a) => [a.scope, a.state])).toEqual([["fonds/1/pages", "firing"], ["fonds/2/pages", "firing"], ["fonds/3/pages", "firing"]]);

    // Fonds 2 catches up: a change, told with the whole group after the group interval, not before.
    await postCounters(projectId, tokens[0]!, { events: [{ id: "f2", fonds: "2", kind: "pages", delta: 1640 }] });
    await stub.runAlerts(Date.now());
    await stub.runAlerts(t0 + 2 * MIN);
    expect(await receiver(box)).toHaveLength(1);
    await stub.runAlerts(t0 + 31 * SEC + 301 * SEC);
    const second = (await receiver(box))[1]!;
    expect(second.body.kind).toBe("notify");
    expect(second.body.alerts!.map((a) => [a.scope, a.state])).toEqual([["fonds/1/pages", "firing"], ["fonds/3/pages", "firing"], ["fonds/2/pages", "resolved"]]);

    // Nothing new: the still-firing alerts are repeated after the repeat interval, and only then.
    await stub.runAlerts(t0 + 3 * 3600 * SEC);
    expect(await receiver(box)).toHaveLength(2);
    await stub.runAlerts(t0 + 332 * SEC + 4 * 3600 * SEC + SEC);
    const third = (await receiver(box))[2]!;
    expect(third.body.kind).toBe("repeat");
    expect(third.body.alerts!.map((a) => a.scope)).toEqual(["fonds/1/pages", "fonds/3/pages"]);
  });

  it("holds messages through a holiday and a weekend and sends them when working time starts, without dropping any", async () => {
    const box = crypto.randomUUID();
    const { projectId } = await behindProject();
    await addContactPoint(projectId, { name: "Hộp thư ban đêm", url: `${inject("webhookBase")}/hook/${box}`, groupWaitSeconds: 0, muteOutsideWorkingTime: true });
    await addRule(projectId, { type: "behind_schedule", kind: "pages", threshold: 0.05, pendingMinutes: 60 });
    const stub = room(projectId);
    // Thursday 31/12/2026, 18:00: fires after working hours.
    const fired = await stub.runAlerts(Date.parse("2026-12-31T18:00:00+07:00"));
    expect(fired).toEqual([expect.objectContaining({ scope: "project/pages", state: "firing" })]);
    // Friday 01/01/2027 is New Year's Day, then Saturday and Sunday: the alert stays firing, the message waits.
    for (const at of ["2027-01-01T10:00:00+07:00", "2027-01-02T10:00:00+07:00", "2027-01-03T15:00:00+07:00", "2027-01-04T07:29:00+07:00"]) {
      expect((await stub.runAlerts(Date.parse(at)))[0]?.state).toBe("firing");
      expect(await receiver(box), at).toEqual([]);
    }
    // Monday 04/01/2027, 07:30: the working day starts and the held message goes out.
    await stub.runAlerts(Date.parse("2027-01-04T07:31:00+07:00"));
    const got = await receiver(box);
    expect(got).toHaveLength(1);
    expect(got[0]!.body.alerts).toEqual([expect.objectContaining({ scope: "project/pages", state: "firing", at: new Date(Date.parse("2026-12-31T18:00:00+07:00")).toISOString() })]);
  });

  it("at lunch too: a message due at 11:45 waits until 13:00", async () => {
    const box = crypto.randomUUID();
    const { projectId } = await behindProject();
    await addContactPoint(projectId, { name: "Trưa", url: `${inject("webhookBase")}/hook/${box}`, groupWaitSeconds: 0, muteOutsideWorkingTime: true });
    await addRule(projectId, { type: "behind_schedule", kind: "pages", threshold: 0.05, pendingMinutes: 60 });
    const stub = room(projectId);
    await stub.runAlerts(Date.parse("2026-12-29T11:45:00+07:00"));
    await stub.runAlerts(Date.parse("2026-12-29T12:59:00+07:00"));
    expect(await receiver(box)).toEqual([]);
    await stub.runAlerts(Date.parse("2026-12-29T13:00:00+07:00"));
    expect(await receiver(box)).toHaveLength(1);
  });
});

describe("channels", () => {
  it("Telegram gets a Bot API sendMessage and Zalo OA a message API call, in Vietnamese with diacritics", async () => {
    const tg = crypto.randomUUID();
    const zalo = crypto.randomUUID();
    const base = inject("webhookBase");
    const { projectId } = await behindProject();
    // The URL points the API at the local receiver, as a relay would; without it the public API is used.
    await addContactPoint(projectId, { name: "Telegram", type: "telegram", url: `${base}/hook/${tg}`, settings: { botToken: "123:ABC", chatId: "-100200" }, groupWaitSeconds: 0 });
    await addContactPoint(projectId, { name: "Zalo OA", type: "zalo", url: `${base}/hook/${zalo}`, settings: { accessToken: "zalo-token", userId: "84901234567" }, groupWaitSeconds: 0 });
    await addRule(projectId, { type: "behind_schedule", fonds: "*", kind: "pages", threshold: 0.05, pendingMinutes: 0 });
    await room(projectId).runAlerts(Date.now() + SEC);
    const [t] = await receiver(tg);
    expect(t!.path).toBe(`/hook/${tg}/bot123:ABC/sendMessage`);
    expect(t!.body).toMatchObject({ chat_id: "-100200", disable_web_page_preview: true });
    const text = String(t!.body.text);
    expect(text).toContain("[Cảnh báo] Chậm tiến độ — 3 phông — Số hóa tài liệu lưu trữ 2026");
    expect(text).toContain("Phông 2 Phòng Tư pháp huyện Can Lộc · Trang A4");
    expect(text.indexOf("Phông 1 ")).toBeLessThan(text.indexOf("Phông 2 "));
    const [z] = await receiver(zalo);
    expect(z!.accessToken).toBe("zalo-token");
    expect(z!.body).toMatchObject({ recipient: { user_id: "84901234567" }, message: { text: expect.stringContaining("Thanh tra huyện Đức Thọ") } });
  });

  it("e-mail goes through the send_email binding with its Vietnamese intact; the test-send button uses the same path and both are logged", async () => {
    const { projectId } = await behindProject();
    // A unique mailbox: the binding's sent messages are looked up by recipient (sent-mail.ts).
    const to = `giamsat-${crypto.randomUUID()}@snv.hatinh.gov.vn`;
    const cp = await addContactPoint(projectId, { name: "Thư giám sát", type: "email", url: to, groupWaitSeconds: 0 });
    expect((await post(`/projects/${projectId}/contact-points`, { name: "Sai", type: "email", url: "không-phải-thư" })).status).toBe(400);
    await addRule(projectId, { type: "behind_schedule", fonds: "*", kind: "pages", threshold: 0.05, pendingMinutes: 0 });
    await room(projectId).runAlerts(Date.now() + SEC);
    const test = await post(`/projects/${projectId}/contact-points/${cp}/test`, {});
    expect(await test.json()).toEqual({ status: 250, error: null, ok: true });
    const { runDurableObjectAlarm } = await import("cloudflare:test");
    await runDurableObjectAlarm(room(projectId));
    const log = (await (await get(`/projects/${projectId}/contact-points/${cp}/deliveries`)).json()) as { deliveries: { kind: string; status: number; error: string | null }[] };
    expect(log.deliveries.map((d) => [d.kind, d.status, d.error]).sort()).toEqual([["notify", 250, null], ["test", 250, null]]);

    // What the binding received, decoded by a mail client's parser: subject, sender and body read as written.
    const [alert, trial] = await Promise.all((await deliveredMail(to, 2)).map((raw) => PostalMime.parse(raw)));
    const project = "Số hóa tài liệu lưu trữ 2026";
    expect(alert!.subject).toBe(`[Cảnh báo] Chậm tiến độ — 3 phông — ${project}`);
    expect(alert!.from).toMatchObject({ name: "Cảnh báo tiến độ số hóa" });
    expect(alert!.to).toEqual([expect.objectContaining({ address: to })]);
    expect(alert!.text).toContain("• Phông 2 Phòng Tư pháp huyện Can Lộc · Trang A4: thực hiện 0, kế hoạch đến nay");
    expect(alert!.text).toContain("Thanh tra huyện Đức Thọ");
    expect(alert!.text).toContain("Xác nhận hoặc tạm tắt trên trang theo dõi tiến độ số hóa.");
    expect(trial!.subject).toBe(`[Thử] Điểm nhận cảnh báo — ${project}`);
    expect(trial!.text).toContain("(ă â đ ê ô ơ ư; Phông Tư pháp huyện Can Lộc)");
    // Precomposed (NFC) as written, not split into base letters and combining marks on the way.
    for (const m of [alert!, trial!]) for (const text of [m.subject!, m.text!]) expect(text).toBe(text.normalize("NFC"));
  });

  it("never shows a contact point's tokens back", async () => {
    const { projectId } = await createProject();
    await addContactPoint(projectId, { name: "Telegram", type: "telegram", settings: { botToken: "123456:SECRET-TOKEN", chatId: "-1" } });
    const text = await (await get(`/projects/${projectId}/contact-points`)).text();
    expect(text).not.toContain("SECRET");
    expect(text).toContain("••••OKEN");
  });
});
