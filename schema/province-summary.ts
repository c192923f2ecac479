// A province in one line, for the national view: how many units, how many behind, not started or done,
// alerts to act on, and per kind the work against plan-to-date, summed over its projects' cards as a
// leader sees them (restricted fonds never reach the national view). Amounts of one kind share a unit,
// so they add up; kinds are never added together. Pure.
import { firingCount } from "./alert-state";
import { sortKinds } from "./kinds";
import type { ProjectCard } from "./project-card";
import { notStarted, worstStatus, type Status } from "./status";

export interface KindTotal {
  kind: string;
  actual: number;
  target: number;
  planToDate: number;
  /** Its projects' statuses in this kind combined: done only when every one is. */
  status: Status | null;
}

export interface ProvinceSummary {
  provinceId: string;
  projects: number;
  /** No counter yet (seed 003: "chưa triển khai"). */
  notStarted: number;
  behind: number;
  done: number;
  /** Its projects' statuses combined: behind when any is (schema/status.ts). */
  status: Status | null;
  alertsFiring: number;
  kinds: KindTotal[];
  lastActivityAt: number | null;
}

export function summarizeProvince(provinceId: string, cards: readonly ProjectCard[], now: number): ProvinceSummary {
  const kinds = new Map<string, KindTotal>();
  for (const c of cards) {
    for (const k of Object.values(c.kinds)) {
      const t = kinds.get(k.kind) ?? { kind: k.kind, actual: 0, target: 0, planToDate: 0, status: null };
      const status = worstStatus([t.status, k.status].filter((x): x is Status => x !== null));
      kinds.set(k.kind, { kind: k.kind, actual: t.actual + k.actual, target: t.target + k.target, planToDate: t.planToDate + k.planToDate, status });
    }
  }
  const last = cards.reduce<number | null>((m, c) => (c.lastActivityAt !== null && (m === null || c.lastActivityAt > m) ? c.lastActivityAt : m), null);
  return {
    provinceId,
    projects: cards.length,
    notStarted: cards.filter((c) => notStarted(c.seq)).length,
    behind: cards.filter((c) => c.status === "behind").length,
    done: cards.filter((c) => c.status === "done").length,
    status: worstStatus(cards.flatMap((c) => (c.status ? [c.status] : []))),
    alertsFiring: cards.reduce((n, c) => n + firingCount(c.alerts, now), 0),
    kinds: sortKinds([...kinds.keys()]).map((k) => kinds.get(k)!),
    lastActivityAt: last,
  };
}
