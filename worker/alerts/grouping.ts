// When a contact point hears about an alert group (one rule of one project: "Chậm tiến độ — 12 phông"),
// as Alertmanager does it: a new group waits `groupWait` so alerts firing together travel in one message;
// later changes wait `groupInterval` after the last message; a group still firing with nothing new is
// repeated every `repeatInterval` (defaults 30 s, 5 min, 4 h: schema/tables/alerts.ts). Pure:
// worker/alerts/deliver.ts applies it with the store and the mute.

export interface GroupTiming {
  groupWaitMs: number;
  groupIntervalMs: number;
  repeatIntervalMs: number;
}

export interface GroupStatus {
  /** When the oldest transition not yet sent was queued; null when nothing new. */
  firstQueuedAt: number | null;
  /** When the last message of the group went out (delivered or given up), null if never. */
  lastSentAt: number | null;
  /** A failed attempt's retry time: it wins over the intervals. */
  retryAt: number | null;
  /** Alerts of the group still firing, not silenced and not acknowledged: what a reminder is about. */
  openAlerts: number;
  /** The group had nothing firing when its last message went out: a new episode waits groupWait again. */
  wasEmpty: boolean;
}

export type Due = { at: number; kind: "notify" | "repeat" } | null;

export function groupDue(s: GroupStatus, t: GroupTiming): Due {
  if (s.retryAt !== null) return { at: s.retryAt, kind: s.firstQueuedAt !== null ? "notify" : "repeat" };
  if (s.firstQueuedAt !== null) {
    const fresh = s.lastSentAt === null || s.wasEmpty;
    const at = fresh ? s.firstQueuedAt + t.groupWaitMs : Math.max(s.firstQueuedAt + t.groupWaitMs, s.lastSentAt! + t.groupIntervalMs);
    return { at, kind: "notify" };
  }
  if (s.openAlerts > 0 && s.lastSentAt !== null) return { at: s.lastSentAt + t.repeatIntervalMs, kind: "repeat" };
  return null;
}
