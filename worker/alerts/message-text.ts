// A group message in Vietnamese words for people reading mail, Telegram or Zalo: the subject names the
// rule and how many alerts ("Chậm tiến độ — 12 phông"), one line per alert with its figures. Pure.
import { NO_DATA_SCOPE, parseScope } from "../../schema/alert-scope";
import { fromBaseUnits, kindDecimals, kindName } from "../../schema/kinds";
import type { GroupMessage, MessageAlert } from "./message";

const RULE_VI: Record<string, string> = {
  behind_schedule: "Chậm tiến độ",
  under_plan: "Không đạt khối lượng kế hoạch",
  silent_station: "Trạm không gửi số liệu",
};

export interface TextContext {
  fondsName(code: string): string;
  stationName(id: string): string;
  timeZone: string;
}

const num = (v: Record<string, unknown>, k: string): number => (typeof v[k] === "number" ? (v[k] as number) : 0);

function qty(kind: string, amount: number): string {
  const d = kindDecimals(kind) ?? 0;
  return new Intl.NumberFormat("vi-VN", { minimumFractionDigits: d, maximumFractionDigits: d }).format(fromBaseUnits(amount, d));
}

/** dd/mm/yyyy hh:mm, local (DOMAIN.md: dates are dd/mm/yyyy). */
function when(iso: string | number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(new Date(iso));
  const p = (type: string) => parts.find((x) => x.type === type)?.value ?? "";
  return `${p("day")}/${p("month")}/${p("year")} ${p("hour")}:${p("minute")}`;
}

function subjectOf(a: MessageAlert, ctx: TextContext): string {
  const s = parseScope(a.scope);
  if (s.level === "fonds") return `${[`Phông ${s.fonds}`, ctx.fondsName(s.fonds)].filter(Boolean).join(" ")} · ${kindName(s.kind, "vi")}`;
  if (s.level === "project") return s.kind === "*" ? "Toàn dự án" : `Toàn dự án · ${kindName(s.kind, "vi")}`;
  if (s.level === "station") return `Trạm ${ctx.stationName(s.station)}`;
  return s.text;
}

function figures(ruleType: string, a: MessageAlert, ctx: TextContext): string {
  const v = a.values;
  const kind = typeof v.kind === "string" ? v.kind : "";
  if (v.redacted === "restricted") return "số liệu gồm phông hạn chế, không gửi ra ngoài";
  if (a.scope === NO_DATA_SCOPE) return `chưa có số liệu sau ${num(v, "workingDays")} ngày làm việc`;
  if (ruleType === "behind_schedule") return `thực hiện ${qty(kind, num(v, "actual"))}, kế hoạch đến nay ${qty(kind, num(v, "planToDate"))} (chênh ${qty(kind, num(v, "variance"))})`;
  if (ruleType === "under_plan") return `theo tốc độ hiện tại chỉ đạt ${qty(kind, num(v, "projected"))}/${qty(kind, num(v, "target"))}, thiếu ${qty(kind, num(v, "shortfall"))}`;
  if (ruleType === "silent_station") return `im lặng ${num(v, "silentMinutes")} phút làm việc`;
  return "";
}

/** "12 phông", "3 trạm", "1 cảnh báo". */
function countText(alerts: readonly MessageAlert[]): string {
  const levels = new Set(alerts.map((a) => parseScope(a.scope).level));
  if (levels.size === 1 && levels.has("fonds")) {
    // A fonds behind in three kinds is one fonds, three alerts.
    const fonds = new Set(alerts.map((a) => parseScope(a.scope)).map((s) => (s.level === "fonds" ? s.fonds : ""))).size;
    return fonds === alerts.length ? `${fonds} phông` : `${fonds} phông (${alerts.length} cảnh báo)`;
  }
  return `${alerts.length} ${levels.size === 1 && levels.has("station") ? "trạm" : "cảnh báo"}`;
}

export function messageText(m: GroupMessage, ctx: TextContext): { subject: string; body: string } {
  if (m.kind === "test") {
    return { subject: `[Thử] Điểm nhận cảnh báo — ${m.project.name}`, body: `Đây là tin thử của dự án ${m.project.name}.\nNếu tin đến đủ dấu tiếng Việt (ă â đ ê ô ơ ư; Phông Tư pháp huyện Can Lộc), điểm nhận đã sẵn sàng.` };
  }
  const rule = RULE_VI[m.rule.type] ?? m.rule.type;
  const firing = m.alerts.filter((a) => a.state === "firing");
  const resolved = m.alerts.filter((a) => a.state === "resolved");
  const tag = m.kind === "repeat" ? "[Nhắc lại]" : m.status === "firing" ? "[Cảnh báo]" : "[Đã hết]";
  const subject = `${tag} ${rule} — ${countText(firing.length > 0 ? firing : resolved)} — ${m.project.name}`;
  const line = (a: MessageAlert) => `• ${subjectOf(a, ctx)}: ${figures(m.rule.type, a, ctx)} (từ ${when(a.at, ctx.timeZone)})`;
  const parts = [`Dự án: ${m.project.name}`, `Cảnh báo: ${rule}`];
  if (firing.length > 0) parts.push("", `Đang bật (${firing.length}):`, ...firing.map(line));
  if (resolved.length > 0) parts.push("", `Đã hết (${resolved.length}):`, ...resolved.map(line));
  parts.push("", "Xác nhận hoặc tạm tắt trên trang theo dõi tiến độ số hóa.");
  return { subject, body: parts.join("\n") };
}
