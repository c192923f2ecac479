// The page's clock: plan-to-date figures move with the day even when no counter arrives (the wall runs
// for days), so views read "now" from here rather than once at mount.
import { createSignal, onCleanup, type Accessor } from "solid-js";

export function createClock(intervalMs = 30_000): Accessor<number> {
  const [now, setNow] = createSignal(Date.now());
  const timer = setInterval(() => setNow(Date.now()), intervalMs);
  onCleanup(() => clearInterval(timer));
  return now;
}
