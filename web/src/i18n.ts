// Every label the dashboard shows, in Vietnamese (default) and English, and the date and time formats
// people expect (DOMAIN.md "Formats people expect"). Numbers are formatted by schema/numbers.ts.
import { createSignal } from "solid-js";
import type { NumberFormat } from "../../schema/numbers";

export type Locale = NumberFormat;

const vi = {
  "app.title": "Tiến độ số hóa tài liệu lưu trữ",
  "app.language": "Ngôn ngữ",
  "picker.province": "Tỉnh",
  "picker.project": "Dự án",
  "picker.none": "Chưa có dự án nào.",
  "picker.failed": "Không tải được danh sách dự án.",
  "picker.retry": "Thử lại",
  "picker.unknown": "Không tìm thấy dự án ghi trong địa chỉ trang.",
  "project.period": "Thời gian thực hiện",
  "project.loading": "Đang tải số liệu…",
  "status.connecting": "Đang kết nối",
  "status.live": "Trực tiếp",
  "status.reconnecting": "Đang kết nối lại",
  "status.offline": "Mất kết nối",
  "status.heardAt": "Tín hiệu lúc",
  "status.lastCounter": "Số liệu mới nhất",
  "status.noCounter": "Chưa có số liệu",
  "kind.files": "Hồ sơ",
  "kind.documents": "Văn bản",
  "kind.pages": "Trang A4",
  "kind.metres": "Chỉnh lý sơ bộ (m)",
  "kind.metres_loose": "Chỉnh lý rời lẻ (m)",
  "kind.sheets": "Bồi nền (tờ)",
  "totals.title": "Tổng hợp theo loại công việc",
  "totals.ofPlan": "so với kế hoạch",
  "totals.plan": "Kế hoạch",
  "totals.funded": "Kinh phí được cấp",
  "totals.noPlan": "Dự án chưa có kế hoạch.",
  "fonds.title": "Theo phông",
  "fonds.name": "Phông",
  "fonds.restricted": "Hạn chế",
  "fonds.noPlan": "Không có kế hoạch",
  "presence.title": "Đang theo dõi",
  "role.leader": "Lãnh đạo",
  "role.supervisor": "Giám sát",
  "role.admin": "Quản trị",
  "session.signIn": "Đăng nhập",
  "session.email": "Email",
  "session.password": "Mật khẩu",
  "session.signOut": "Đăng xuất",
  "session.wrong": "Sai email hoặc mật khẩu.",
  "session.tooMany": "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.",
  "session.failed": "Không đăng nhập được. Vui lòng thử lại.",
} as const;

export type MessageKey = keyof typeof vi;

const en: Record<MessageKey, string> = {
  "app.title": "Archive digitization progress",
  "app.language": "Language",
  "picker.province": "Province",
  "picker.project": "Project",
  "picker.none": "No projects yet.",
  "picker.failed": "Could not load the project list.",
  "picker.retry": "Retry",
  "picker.unknown": "The project named in the page address was not found.",
  "project.period": "Period",
  "project.loading": "Loading figures…",
  "status.connecting": "Connecting",
  "status.live": "Live",
  "status.reconnecting": "Reconnecting",
  "status.offline": "Offline",
  "status.heardAt": "Last heard at",
  "status.lastCounter": "Latest figures",
  "status.noCounter": "No figures yet",
  "kind.files": "Files",
  "kind.documents": "Documents",
  "kind.pages": "Pages",
  "kind.metres": "Preliminary arrangement, m",
  "kind.metres_loose": "Loose arrangement, m",
  "kind.sheets": "Restored sheets",
  "totals.title": "Totals by kind of work",
  "totals.ofPlan": "of plan",
  "totals.plan": "Plan",
  "totals.funded": "Funded",
  "totals.noPlan": "This project has no plan yet.",
  "fonds.title": "By fonds",
  "fonds.name": "Fonds",
  "fonds.restricted": "Restricted",
  "fonds.noPlan": "No plan",
  "presence.title": "Watching now",
  "role.leader": "Leadership",
  "role.supervisor": "Supervisor",
  "role.admin": "Administrator",
  "session.signIn": "Sign in",
  "session.email": "Email",
  "session.password": "Password",
  "session.signOut": "Sign out",
  "session.wrong": "Wrong email or password.",
  "session.tooMany": "Too many failed sign-ins. Please try again in 15 minutes.",
  "session.failed": "Could not sign in. Please try again.",
};

const MESSAGES: Record<Locale, Record<MessageKey, string>> = { vi, en };
export const LOCALES: readonly Locale[] = ["vi", "en"];
const STORAGE_KEY = "dashboard.locale";

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // blocked by privacy settings
  }
}

function storedLocale(): Locale {
  const saved = storage()?.getItem(STORAGE_KEY);
  return saved === "en" || saved === "vi" ? saved : "vi";
}

const [locale, setLocaleSignal] = createSignal<Locale>(storedLocale());
export { locale };

export function setLocale(next: Locale): void {
  setLocaleSignal(next);
  try {
    storage()?.setItem(STORAGE_KEY, next);
  } catch {
    // quota or privacy mode: the choice lasts for this page only
  }
  if (typeof document !== "undefined") document.documentElement.lang = next;
}

/** Reactive: inside JSX or a memo it re-runs when the language changes. */
export function t(key: MessageKey): string {
  return MESSAGES[locale()][key];
}

/** `kind.files` → "Hồ sơ"; a kind this build does not know is shown by its key. */
export function kindName(kind: string): string {
  return named("kind", kind);
}

export function roleName(role: string): string {
  return named("role", role);
}

function named(prefix: "kind" | "role", value: string): string {
  const key = `${prefix}.${value}`;
  return key in vi ? t(key as MessageKey) : value;
}

export const DEFAULT_TIME_ZONE = "Asia/Ho_Chi_Minh";

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function parts(ms: number, timeZone: string): Record<"day" | "month" | "year" | "hour" | "minute" | "second", string> {
  let f = dateTimeFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    dateTimeFormats.set(timeZone, f);
  }
  const out = { day: "", month: "", year: "", hour: "", minute: "", second: "" };
  for (const p of f.formatToParts(ms)) if (p.type in out) out[p.type as keyof typeof out] = p.value;
  return out;
}

/** Epoch ms → "dd/mm/yyyy" on the project's clock, in both languages. */
export function formatDate(ms: number, timeZone = DEFAULT_TIME_ZONE): string {
  const p = parts(ms, timeZone);
  return `${p.day}/${p.month}/${p.year}`;
}

/** Epoch ms → "HH:mm:ss" (24-hour) on the project's clock. */
export function formatTime(ms: number, timeZone = DEFAULT_TIME_ZONE): string {
  const p = parts(ms, timeZone);
  return `${p.hour}:${p.minute}:${p.second}`;
}

export function formatDateTime(ms: number, timeZone = DEFAULT_TIME_ZONE): string {
  return `${formatDate(ms, timeZone)} ${formatTime(ms, timeZone)}`;
}

/** A calendar day "yyyy-mm-dd" (project periods, feed days) → "dd/mm/yyyy"; no time zone involved. */
export function formatDay(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : day;
}
