import { For, createEffect, createSignal, on, onCleanup } from "solid-js";
import type { AlertView } from "../../../schema/wire";
import { t } from "../i18n";
import { alertKey, newlyFiring } from "../live/alerts";
import { alertTitle, type AlertContext } from "./alert-text";

const SHOW_MS = 20_000;

/** A notice the moment an alert fires while the page is open (supervisors on a phone see it at once);
 * screen readers hear it. What was already firing when the page opened is in the feed, not announced.
 * On the overview each card has one, named after its project. */
export function NewAlerts(props: { alerts: readonly AlertView[] | null; ctx: AlertContext; project?: string }) {
  const [notices, setNotices] = createSignal<AlertView[]>([]);
  const timers = new Set<ReturnType<typeof setTimeout>>();
  createEffect(
    on(
      () => props.alerts,
      (next, prev) => {
        if (!next) return;
        const fresh = newlyFiring(prev ?? null, next);
        if (fresh.length === 0) return;
        setNotices((n) => [...n.filter((x) => !fresh.some((f) => alertKey(f) === alertKey(x))), ...fresh]);
        const timer = setTimeout(() => {
          timers.delete(timer);
          setNotices((n) => n.filter((x) => !fresh.includes(x)));
        }, SHOW_MS);
        timers.add(timer);
      },
    ),
  );
  onCleanup(() => timers.forEach(clearTimeout));
  const dismiss = (a: AlertView) => setNotices((n) => n.filter((x) => x !== a));
  return (
    <div class="toasts" role="alert" aria-live="assertive">
      <For each={notices()}>
        {(a) => (
          <p class="toast">
            <strong>{t("alert.newlyFiring")}</strong> {props.project ? `${props.project}: ` : ""}
            {alertTitle(a, props.ctx)}
            <button type="button" class="toast__close" aria-label={t("common.dismiss")} onClick={() => dismiss(a)}>
              ×
            </button>
          </p>
        )}
      </For>
    </div>
  );
}
