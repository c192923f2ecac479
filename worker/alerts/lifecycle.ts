// The life of one alert instance, as in Grafana: normal → pending (the condition must hold for the
// rule's pending duration) → firing → resolved, plus `nodata` (a project with no counters yet, see
// evaluate.ts) and Prometheus' keep_firing_for against flapping. Pure: the Durable Object stores what this returns.
export type AlertState = "normal" | "pending" | "firing" | "resolved" | "nodata";

export type AlertValues = Record<string, number | string | null>;

export interface InstanceState {
  state: AlertState;
  /** When the instance entered `state` (epoch ms). */
  since: number;
  values: AlertValues;
  /** Firing only: when the condition last cleared while keep-firing-for holds the instance firing. */
  clearedAt?: number | null;
}

export interface Transition {
  from: AlertState;
  to: AlertState;
  at: number;
  values: AlertValues;
}

export interface Step {
  next: InstanceState;
  transition: Transition | null;
}

export interface StepInput {
  condition: boolean;
  /** The rule has nothing to judge yet (no counters at all): neither healthy nor behind. */
  noData?: boolean;
  values: AlertValues;
  now: number;
  pendingMs: number;
  keepFiringMs?: number;
}

export function step(prev: InstanceState | undefined, input: StepInput): Step {
  const { condition, values, now, pendingMs } = input;
  const keepFiringMs = input.keepFiringMs ?? 0;
  const from: AlertState = prev?.state ?? "normal";
  const move = (to: AlertState): Step => ({ next: { state: to, since: now, values, clearedAt: null }, transition: { from, to, at: now, values } });
  const stay = (clearedAt: number | null = null): Step => ({ next: { state: from, since: prev?.since ?? now, values, clearedAt }, transition: null });
  switch (from) {
    case "normal":
    case "resolved":
    case "nodata":
      // A rule with no pending duration fires at once, as Grafana does with "for: 0".
      if (condition) return move(pendingMs <= 0 ? "firing" : "pending");
      if (input.noData) return from === "nodata" ? stay() : move("nodata");
      return from === "nodata" ? move("normal") : stay();
    case "pending":
      if (!condition) return move(input.noData ? "nodata" : "normal");
      return now - (prev?.since ?? now) >= pendingMs ? move("firing") : stay();
    case "firing": {
      if (condition) return stay();
      const clearedAt = prev?.clearedAt ?? now;
      // keep_firing_for: the condition must stay clear this long before the alert resolves.
      return now - clearedAt >= keepFiringMs ? move("resolved") : stay(clearedAt);
    }
  }
}

/** Transitions a contact point is told about: the ones a person acts on. */
export function notifies(t: Transition): boolean {
  return t.to === "firing" || (t.to === "resolved" && t.from === "firing");
}
