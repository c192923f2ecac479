// The pure parts of alert delivery: when a group is due, muted time, what a message lists, the Vietnamese
// template, the Telegram/Zalo requests and the MIME e-mail (diacritics intact).
import { describe, expect, it } from "vitest";
import { DEFAULT_CALENDAR } from "../../schema/calendar";
import { sendMessage, httpRequestFor, type ChannelPoint } from "../../worker/alerts/channels";
import { alertEmailRaw } from "../../worker/alerts/email";
import { groupDue } from "../../worker/alerts/grouping";
import { step } from "../../worker/alerts/lifecycle";
import { groupMessage, messageAlerts } from "../../worker/alerts/message";
import { messageText } from "../../worker/alerts/message-text";
import { unmutedFrom } from "../../worker/alerts/working-time";

const T = { groupWaitMs: 30_000, groupIntervalMs: 300_000, repeatIntervalMs: 4 * 3_600_000 };
const HOURS = { dayStart: "07:30", dayEnd: "17:00" };
const at = (s: string) => Date.parse(`${s}+07:00`);
const TZ = "Asia/Ho_Chi_Minh";
const ctx = { fondsName: (c: string) => ({ "2": "Phòng Tư pháp huyện Can Lộc", "10": "Thanh tra huyện Đức Thọ" })[c] ?? "", stationName: (id: string) => id, timeZone: TZ };

describe("group timing (Alertmanager's group wait, group interval, repeat interval)", () => {
  const base = { firstQueuedAt: null, lastSentAt: null, retryAt: null, openAlerts: 0, wasEmpty: true };
  it("waits the group wait for a new group, the group interval after a message, and repeats what still fires", () => {
    expect(groupDue({ ...base, firstQueuedAt: 1000 }, T)).toEqual({ at: 31_000, kind: "notify" });
    expect(groupDue({ ...base, firstQueuedAt: 100_000, lastSentAt: 50_000, wasEmpty: false }, T)).toEqual({ at: 350_000, kind: "notify" });
    expect(groupDue({ ...base, lastSentAt: 50_000, openAlerts: 2, wasEmpty: false }, T)).toEqual({ at: 50_000 + 4 * 3_600_000, kind: "repeat" });
    expect(groupDue({ ...base, lastSentAt: 50_000, openAlerts: 0 }, T)).toBeNull();
    expect(groupDue({ ...base, firstQueuedAt: 1000, retryAt: 70_000 }, T)).toEqual({ at: 70_000, kind: "notify" });
  });
});

describe("muted time follows the project's working calendar", () => {
  it("holds through a night, lunch, a holiday and a weekend", () => {
    expect(unmutedFrom(at("2026-12-29T10:00:00"), DEFAULT_CALENDAR, HOURS, TZ)).toBe(at("2026-12-29T10:00:00"));
    expect(unmutedFrom(at("2026-12-29T11:45:00"), DEFAULT_CALENDAR, HOURS, TZ)).toBe(at("2026-12-29T13:00:00"));
    expect(unmutedFrom(at("2026-12-29T22:00:00"), DEFAULT_CALENDAR, HOURS, TZ)).toBe(at("2026-12-30T07:30:00"));
    // Thursday evening before New Year's Day (Friday), then the weekend: Monday morning.
    expect(unmutedFrom(at("2026-12-31T18:00:00"), DEFAULT_CALENDAR, HOURS, TZ)).toBe(at("2027-01-04T07:30:00"));
    // A make-up working Saturday of the project counts as working time.
    const cal = { ...DEFAULT_CALENDAR, workingSaturdays: ["2027-01-02"] };
    expect(unmutedFrom(at("2027-01-01T09:00:00"), cal, HOURS, TZ)).toBe(at("2027-01-02T07:30:00"));
  });
});

describe("the lifecycle", () => {
  const s = (over: object) => ({ condition: false, values: {}, now: 0, pendingMs: 0, ...over });
  it("keeps firing for the rule's minutes after the condition clears, restarting if it comes back", () => {
    const firing = { state: "firing" as const, since: 0, values: {} };
    const a = step(firing, s({ now: 10, keepFiringMs: 100 }));
    expect(a).toMatchObject({ next: { state: "firing", clearedAt: 10 }, transition: null });
    expect(step(a.next, s({ now: 60, keepFiringMs: 100 })).next).toMatchObject({ state: "firing", clearedAt: 10 });
    expect(step(a.next, s({ now: 60, condition: true, keepFiringMs: 100 })).next).toMatchObject({ state: "firing", clearedAt: null });
    expect(step(a.next, s({ now: 110, keepFiringMs: 100 })).transition).toMatchObject({ from: "firing", to: "resolved" });
  });
  it("holds no data until data or the grace's end, and never notifies for it", () => {
    const nd = step(undefined, s({ noData: true }));
    expect(nd.transition).toMatchObject({ from: "normal", to: "nodata" });
    expect(step(nd.next, s({ noData: true })).transition).toBeNull();
    expect(step(nd.next, s({ noData: true, condition: true })).transition).toMatchObject({ from: "nodata", to: "firing" });
    expect(step(nd.next, s({})).transition).toMatchObject({ from: "nodata", to: "normal" });
  });
});

describe("a group message", () => {
  const values = (fonds: string) => ({ fonds, kind: "pages", actual: 1200, planToDate: 2000, variance: -800 });
  const firing = ["10", "2", "1"].map((f) => ({ scope: `fonds/${f}/pages`, since: at("2026-12-01T09:00:00"), values: values(f) }));
  it("lists each alert once, firing first, fonds in natural order (2 before 10)", () => {
    const list = messageAlerts({ firing, queued: [{ id: 1, scope: "fonds/3/pages", to: "firing", at: 0, values: values("3") }, { id: 2, scope: "fonds/3/pages", to: "resolved", at: 5, values: values("3") }] });
    expect(list.map((a) => [a.scope, a.state])).toEqual([["fonds/1/pages", "firing"], ["fonds/2/pages", "firing"], ["fonds/10/pages", "firing"], ["fonds/3/pages", "resolved"]]);
  });
  it("reads in Vietnamese, with Vietnamese numbers", () => {
    const m = groupMessage({ id: "p", name: "Hà Tĩnh 2026" }, { id: "r", type: "behind_schedule" }, "notify", messageAlerts({ firing, queued: [] }), "d1");
    const { subject, body } = messageText(m, ctx);
    expect(subject).toBe("[Cảnh báo] Chậm tiến độ — 3 phông — Hà Tĩnh 2026");
    expect(body).toContain("• Phông 2 Phòng Tư pháp huyện Can Lộc · Trang A4: thực hiện 1.200, kế hoạch đến nay 2.000 (chênh -800) (từ 01/12/2026 09:00)");
  });
  it("becomes a Telegram sendMessage and a Zalo OA message", () => {
    const m = groupMessage({ id: "p", name: "Hà Tĩnh" }, { id: "r", type: "behind_schedule" }, "notify", messageAlerts({ firing, queued: [] }), "d1");
    const tg: ChannelPoint = { id: "c", name: "tg", type: "telegram", url: "", settings: { botToken: "1:A", chatId: "-5" } };
    expect(httpRequestFor(tg, m, ctx)).toMatchObject({ url: "https://api.telegram.org/bot1:A/sendMessage", body: { chat_id: "-5", text: expect.stringContaining("Chậm tiến độ") } });
    const zalo: ChannelPoint = { id: "c", name: "z", type: "zalo", url: "", settings: { accessToken: "tok", userId: "u1" } };
    expect(httpRequestFor(zalo, m, ctx)).toMatchObject({ url: "https://openapi.zalo.me/v3.0/oa/message/cs", headers: { access_token: "tok" }, body: { recipient: { user_id: "u1" }, message: { text: expect.stringContaining("Thanh tra huyện Đức Thọ") } } });
  });
});

/** The text of a base64 body, or of an RFC 2047 encoded word. */
const fromBase64 = (b: string) => new TextDecoder().decode(Uint8Array.from(atob(b.replace(/\s/g, "")), (c) => c.charCodeAt(0)));

describe("the alert e-mail", () => {
  it("is a MIME message with CRLF lines, the subject as a UTF-8 encoded word and the body in base64, diacritics intact", () => {
    const raw = alertEmailRaw({ from: { name: "Cảnh báo", addr: "canh-bao@snv.gov.vn" }, to: "giamsat@snv.gov.vn", subject: "[Cảnh báo] Chậm tiến độ — 12 phông", body: "Phông Tư pháp huyện Can Lộc\nỦy ban nhân dân huyện Đức Thọ", messageId: "p-c-r-7" });
    const [head, body] = raw.split("\r\n\r\n");
    expect(head).toContain("To: <giamsat@snv.gov.vn>");
    expect(head).toContain("Message-ID: <p-c-r-7@snv.gov.vn>");
    expect(head).toContain("Content-Type: text/plain; charset=UTF-8");
    expect(raw.replace(/\r\n/g, "")).not.toContain("\n");
    const subject = /Subject: =\?utf-8\?B\?(.+)\?=/i.exec(head!)![1]!;
    expect(fromBase64(subject)).toBe("[Cảnh báo] Chậm tiến độ — 12 phông");
    expect(fromBase64(body!)).toBe("Phông Tư pháp huyện Can Lộc\r\nỦy ban nhân dân huyện Đức Thọ");
  });

  it("goes out through the send_email binding with the contact point's address", async () => {
    const sent: { from: string; to: string; raw: string }[] = [];
    const mailer = { from: "canh-bao@snv.gov.vn", send: async (from: string, to: string, raw: string) => void sent.push({ from, to, raw }) };
    const m = groupMessage({ id: "p", name: "Hà Tĩnh" }, { id: "r", type: "silent_station" }, "notify", [{ scope: "station/s1", state: "firing", at: "2026-12-01T02:00:00Z", values: { silentMinutes: 45 } }], "d9");
    const result = await sendMessage({ id: "c", name: "mail", type: "email", url: "giamsat@snv.gov.vn", settings: {} }, m, ctx, mailer);
    expect(result).toEqual({ status: 250, error: null, ok: true });
    expect(sent[0]).toMatchObject({ from: "canh-bao@snv.gov.vn", to: "giamsat@snv.gov.vn" });
    expect(fromBase64(sent[0]!.raw.split("\r\n\r\n")[1]!)).toContain("Trạm s1: im lặng 45 phút làm việc");
    const failing = { ...mailer, send: async () => Promise.reject(new Error("destination address not verified")) };
    expect(await sendMessage({ id: "c", name: "mail", type: "email", url: "x@y.vn", settings: {} }, m, ctx, failing)).toMatchObject({ ok: false, error: expect.stringContaining("not verified") });
  });
});
