import { For, Show, createSignal } from "solid-js";
import { formatDateTime, t } from "../../i18n";
import type { ActionResult } from "../../store/action";
import type { ContactPoint, Delivery } from "../../store/rules";

/** Webhook contact points (one JSON POST per alert that fires or resolves) and their recent deliveries. */
export function ContactPoints(props: {
  contactPoints: readonly ContactPoint[];
  deliveries: readonly Delivery[];
  timeZone: string;
  create: (cp: { name: string; url: string }) => Promise<ActionResult>;
  remove: (id: string) => Promise<ActionResult>;
  refreshDeliveries: () => void;
}) {
  const [error, setError] = createSignal<string | null>(null);
  const name = (id: string) => props.contactPoints.find((c) => c.id === id)?.name ?? id.slice(0, 8);
  const submit = async (e: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const r = await props.create({ name: String(data.get("name") ?? "").trim(), url: String(data.get("url") ?? "").trim() });
    setError(r.ok ? null : r.message || t("common.offlineAction"));
    if (r.ok) form.reset();
  };
  return (
    <>
      <section class="panel" aria-labelledby="cp-title">
        <h2 id="cp-title" class="section-title">
          {t("contact.title")} <span class="count">({props.contactPoints.length})</span>
        </h2>
        <Show when={props.contactPoints.length > 0} fallback={<p class="empty">{t("contact.none")}</p>}>
          <ul class="rules">
            <For each={props.contactPoints}>
              {(cp) => (
                <li class="rule">
                  <p class="rule__head">
                    <strong>{cp.name}</strong> <span class="rule__url">{cp.url}</span>
                  </p>
                  <button
                    type="button"
                    class="button button--small button--danger"
                    onClick={async () => {
                      if (!confirm(t("contact.confirmDelete"))) return;
                      const r = await props.remove(cp.id);
                      setError(r.ok ? null : r.message || t("common.offlineAction"));
                    }}
                  >
                    {t("common.delete")}
                  </button>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <form class="form" onSubmit={submit}>
          <div class="form__grid">
            <label class="field">
              <span>{t("contact.name")}</span>
              <input name="name" required maxLength={100} />
            </label>
            <label class="field field--wide">
              <span>{t("contact.url")}</span>
              <input name="url" type="url" required maxLength={500} placeholder="https://" />
            </label>
          </div>
          <Show when={error()}>
            <p class="form-error" role="alert">
              {error()}
            </p>
          </Show>
          <button type="submit" class="button">
            {t("contact.add")}
          </button>
        </form>
      </section>
      <section class="panel" aria-labelledby="deliveries-title">
        <div class="section-head">
          <h2 id="deliveries-title" class="section-title">
            {t("contact.deliveries")}
          </h2>
          <button type="button" class="button button--small button--quiet" onClick={() => props.refreshDeliveries()}>
            {t("common.refresh")}
          </button>
        </div>
        <Show when={props.deliveries.length > 0} fallback={<p class="empty">{t("contact.noDeliveries")}</p>}>
          <div class="table-scroll">
            <table class="grid-table">
              <thead>
                <tr>
                  <th scope="col">{t("contact.at")}</th>
                  <th scope="col">{t("contact.name")}</th>
                  <th scope="col">{t("contact.attempt")}</th>
                  <th scope="col">{t("contact.result")}</th>
                </tr>
              </thead>
              <tbody>
                <For each={props.deliveries}>
                  {(d) => (
                    <tr>
                      <td>{formatDateTime(d.at, props.timeZone)}</td>
                      <td>{name(d.contactPointId)}</td>
                      <td>{d.attempt}</td>
                      <td classList={{ "facts__bad": d.status === null || d.status >= 300 }}>{d.status ?? t("contact.networkError")}{d.error ? ` · ${d.error}` : ""}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </Show>
      </section>
    </>
  );
}
