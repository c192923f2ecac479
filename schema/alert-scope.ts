// The one format of an alert's scope (what an alert instance is about), made and read only here:
// "project/<kind>", "fonds/<code>/<kind>" (a code may itself contain "/"), "station/<id>". Reports key
// their reasons by the same scope without the "fonds/" prefix ("<code>/<kind>"), as stored since the
// first report. Pure; used by the alert rules, the visibility filter, reports and the dashboard.
import { compareVietnamese } from "./fonds-list";

export type AlertScope =
  | { level: "project"; kind: string }
  | { level: "fonds"; fonds: string; kind: string }
  | { level: "station"; station: string }
  | { level: "other"; text: string };

export const scopeOf = {
  project: (kind: string) => `project/${kind}`,
  /** A plan rule of a project with no counters yet (worker/alerts/evaluate.ts): every kind at once. */
  noData: () => NO_DATA_SCOPE,
  fonds: (code: string, kind: string) => `fonds/${code}/${kind}`,
  station: (id: string) => `station/${id}`,
};

export const NO_DATA_SCOPE = "project/*";

export function parseScope(scope: string): AlertScope {
  const parts = scope.split("/");
  if (parts[0] === "project" && parts.length === 2) return { level: "project", kind: parts[1]! };
  if (parts[0] === "fonds" && parts.length >= 3) return { level: "fonds", fonds: parts.slice(1, -1).join("/"), kind: parts.at(-1)! };
  if (parts[0] === "station" && parts.length === 2) return { level: "station", station: parts[1]! };
  return { level: "other", text: scope };
}

/** A report's reason key for a scope. */
export function reasonKey(scope: string): string {
  return scope.startsWith("fonds/") ? scope.slice("fonds/".length) : scope;
}

export function parseReasonKey(key: string): AlertScope {
  return key.startsWith("project/") || key.startsWith("station/") ? parseScope(key) : parseScope(`fonds/${key}`);
}

/** Scopes (or fonds codes) in the order people read them: "2" before "10", Vietnamese letters in place. */
export const compareScopes = compareVietnamese;

/**
 * The stations a silent-station alert says are silent now: the one definition of "silent" (the project's
 * rule, in its working time) that the province overview and the stations page both show.
 */
export function silentStationIds(alerts: readonly { ruleType: string; state: string; scope: string }[]): Set<string> {
  const ids = new Set<string>();
  for (const a of alerts) {
    if (a.ruleType !== "silent_station" || a.state !== "firing") continue;
    const s = parseScope(a.scope);
    if (s.level === "station") ids.add(s.station);
  }
  return ids;
}
