// The life of one alert instance, as in Grafana: normal → pending (the condition must hold for the
// rule's pending duration) → firing → resolved. Pure: the Durable Object stores what this returns.
export type AlertState = "normal" | "pending" | "firing" | "resolved";

export type AlertValues = Record<string, number | string | null>;

export interface InstanceState {
  state: AlertState;
  /** When the instance entered `state` (epoch ms). */
  since: number;
  values: AlertValues;
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

export function step(prev: InstanceState | undefined, condition: boolean, values: AlertValues, now: number, pendingMs: number): Step {
  const from: AlertState = prev?.state ?? "normal";
  const move = (to: AlertState): Step => ({ next: { state: to, since: now, values }, transition: { from, to, at: now, values } });
  const stay = (): Step => ({ next: { state: from, since: prev?.since ?? now, values }, transition: null });
  switch (from) {
    case "normal":
    case "resolved":
      if (!condition) return stay();
      // A rule with no pending duration fires at once, as Grafana does with "for: 0".
      return move(pendingMs <= 0 ? "firing" : "pending");
    case "pending":
      if (!condition) return move("normal");
      return now - (prev?.since ?? now) >= pendingMs ? move("firing") : stay();
    case "firing":
      return condition ? stay() : move("resolved");
  }
}

/** Transitions a contact point is told about: the ones a person acts on. */
export function notifies(t: Transition): boolean {
  return t.to === "firing" || t.to === "resolved";
}
