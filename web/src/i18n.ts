// The one translation module: every label the dashboard shows, in Vietnamese (default) and English, and
// the date and time formats people expect (DOMAIN.md "Formats people expect"). The texts themselves are in
// messages/*.ts, one file per part of the page, each with both languages side by side (the types make an
// English text missing for a Vietnamese one a compile error). Numbers are formatted by schema/numbers.ts.
import { createSignal } from "solid-js";
import type { NumberFormat } from "../../schema/numbers";
import { kindName as kindNameIn } from "../../schema/kinds";
import { PROJECT_TIME_ZONE } from "../../schema/time";
import * as account from "./messages/account";
import * as admin from "./messages/admin";
import * as alerts from "./messages/alerts";
import * as archive from "./messages/archive";
import * as alertDelivery from "./messages/alert-delivery";
import * as common from "./messages/common";
import * as displays from "./messages/displays";
import * as entry from "./messages/entry";
import * as filing from "./messages/filing";
import * as inspections from "./messages/inspections";
import * as national from "./messages/national";
import * as numbers from "./messages/numbers";
import * as people from "./messages/people";
import * as planAdmin from "./messages/plan-admin";
import * as progress from "./messages/progress";
import * as reports from "./messages/reports";
import * as stations from "./messages/stations";
import * as titles from "./messages/titles";

export type Locale = NumberFormat;

// One module per line: each part of the page adds its own line.
const vi = {
  ...common.vi,
  ...progress.vi,
  ...alerts.vi,
  ...alertDelivery.vi,
  ...entry.vi,
  ...reports.vi,
  ...filing.vi,
  ...account.vi,
  ...numbers.vi,
  ...admin.vi,
  ...archive.vi,
  ...planAdmin.vi,
  ...stations.vi,
  ...displays.vi,
  ...titles.vi,
  ...inspections.vi,
  ...national.vi,
  ...people.vi,
};
const en = {
  ...common.en,
  ...progress.en,
  ...alerts.en,
  ...alertDelivery.en,
  ...entry.en,
  ...reports.en,
  ...filing.en,
  ...account.en,
  ...numbers.en,
  ...admin.en,
  ...archive.en,
  ...planAdmin.en,
  ...stations.en,
  ...displays.en,
  ...titles.en,
  ...inspections.en,
  ...national.en,
  ...people.en,
};

export type MessageKey = keyof typeof vi;

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

/** A text with `{name}` slots: tf("fonds.shown", { shown: "3", total: "21" }). Values come formatted. */
export function tf(key: MessageKey, values: Readonly<Record<string, string | number>>): string {
  return t(key).replace(/\{(\w+)\}/g, (slot, name: string) => (name in values ? String(values[name]) : slot));
}

/** "files" → "Hồ sơ" (schema/kinds.ts); reactive like t(). */
export function kindName(kind: string): string {
  return kindNameIn(kind, locale());
}

/** "leader" → "Lãnh đạo"; a role this build does not know is shown by its key. */
export function roleName(role: string): string {
  const key = `role.${role}`;
  return key in vi ? t(key as MessageKey) : role;
}

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
export function formatDate(ms: number, timeZone: string = PROJECT_TIME_ZONE): string {
  const p = parts(ms, timeZone);
  return `${p.day}/${p.month}/${p.year}`;
}

/** Epoch ms → "HH:mm:ss" (24-hour) on the project's clock. */
export function formatTime(ms: number, timeZone: string = PROJECT_TIME_ZONE): string {
  const p = parts(ms, timeZone);
  return `${p.hour}:${p.minute}:${p.second}`;
}

export function formatDateTime(ms: number, timeZone: string = PROJECT_TIME_ZONE): string {
  return `${formatDate(ms, timeZone)} ${formatTime(ms, timeZone)}`;
}

/** A calendar day "yyyy-mm-dd" (project periods, feed days) → "dd/mm/yyyy"; no time zone involved. */
export function formatDay(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : day;
}
