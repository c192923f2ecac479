import { For, Show, createSignal } from "solid-js";
import { formatDateTime, t, tf } from "../../i18n";
import type { ActionResult } from "../../store/action";
import type { ContactPoint, Delivery, NewContactPoint, TestResult } from "../../store/rules";
import { ContactPointForm } from "./ContactPointForm";
import { errorOf, FormMessage } from "../FormMessage";

function DeliveryTable(props: { deliveries: readonly Delivery[]; timeZone: string; name?: (id: string) => string }) {
  return (
    <Show when={props.deliveries.length > 0} fallback={<p class="empty">{t("contact.noDeliveries")}</p>}>
      <div class="table-scroll">
        <table class="grid-table">
          <thead>
            <tr>
              <th scope="col">{t("contact.at")}</th>
              <Show when={props.name}>
                <th scope="col">{t("contact.name")}</th>
              </Show>
              <th scope="col">{t("contact.kind")}</th>
              <th scope="col">{t("contact.alerts")}</th>
              <th scope="col">{t("contact.attempt")}</th>
              <th scope="col">{t("contact.result")}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.deliveries}>
              {(d) => (
                <tr>
                  <td>{formatDateTime(d.at, props.timeZone)}</td>
                  <Show when={props.name}>{(name) => <td>{name()(d.contactPointId)}</td>}</Show>
                  <td>{t(`contact.kind.${d.kind}`)}</td>
                  <td>{d.alerts}</td>
                  <td>{d.attempt}</td>
                  <td classList={{ facts__bad: d.error !== null }}>
                    {d.status ?? t("contact.networkError")}
                    {d.error ? ` · ${d.error}` : ""}
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </Show>
  );
}

/** One contact point: where it sends, how it groups, a test-send button with the channel's answer, and its own delivery log. */
function ContactPointItem(props: { cp: ContactPoint; timeZone: string; remove: () => Promise<ActionResult>; test: () => Promise<TestResult>; log: () => Promise<Delivery[]>; onError: (m: string | null) => void }) {
  const [result, setResult] = createSignal<TestResult | null>(null);
  const [log, setLog] = createSignal<Delivery[] | null>(null);
  const where = () => props.cp.url || props.cp.settings.chatId || props.cp.settings.userId || "";
  return (
    <li class="rule" data-contact-point={props.cp.id}>
      <p class="rule__head">
        <strong>{props.cp.name}</strong> · {t(`contact.type.${props.cp.type}`)} <span class="rule__url">{where()}</span>
      </p>
      <p class="rule__meta">
        {tf("contact.timing", { wait: props.cp.groupWaitSeconds, interval: props.cp.groupIntervalSeconds, repeat: props.cp.repeatIntervalSeconds / 3600 })}
        {props.cp.muteOutsideWorkingTime ? ` · ${t("contact.muted")}` : ""}
      </p>
      <div class="row">
        <button type="button" class="button button--small" onClick={async () => setResult(await props.test())}>
          {t("contact.test")}
        </button>
        <button
          type="button"
          class="button button--small button--danger"
          onClick={async () => {
            if (!confirm(t("contact.confirmDelete"))) return;
            const r = await props.remove();
            props.onError(errorOf(r));
          }}
        >
          {t("common.delete")}
        </button>
      </div>
      <Show when={result()}>
        {(r) => (
          <p class={r().ok ? "notice" : "form-error"} role="status">
            {r().ok ? t("contact.testOk") : tf("contact.testFailed", { error: r().error ?? String(r().status) })}
          </p>
        )}
      </Show>
      <details onToggle={async (e) => e.currentTarget.open && setLog(await props.log().catch(() => []))}>
        <summary>{t("contact.log")}</summary>
        <Show when={log()}>{(l) => <DeliveryTable deliveries={l()} timeZone={props.timeZone} />}</Show>
      </details>
    </li>
  );
}

/** Contact points (e-mail, Telegram, Zalo OA, webhook: one message per alert group) and their recent deliveries. */
export function ContactPoints(props: {
  contactPoints: readonly ContactPoint[];
  deliveries: readonly Delivery[];
  timeZone: string;
  create: (cp: NewContactPoint) => Promise<ActionResult>;
  remove: (id: string) => Promise<ActionResult>;
  test: (id: string) => Promise<TestResult>;
  log: (id: string) => Promise<Delivery[]>;
  refreshDeliveries: () => void;
}) {
  const [error, setError] = createSignal<string | null>(null);
  const name = (id: string) => props.contactPoints.find((c) => c.id === id)?.name ?? id.slice(0, 8);
  return (
    <>
      <section class="panel" aria-labelledby="cp-title">
        <h2 id="cp-title" class="section-title">
          {t("contact.title")} <span class="count">({props.contactPoints.length})</span>
        </h2>
        <Show when={props.contactPoints.length > 0} fallback={<p class="empty">{t("contact.none")}</p>}>
          <ul class="rules">
            <For each={props.contactPoints}>
              {(cp) => <ContactPointItem cp={cp} timeZone={props.timeZone} remove={() => props.remove(cp.id)} test={() => props.test(cp.id)} log={() => props.log(cp.id)} onError={setError} />}
            </For>
          </ul>
        </Show>
        <FormMessage error={error()} />
        <ContactPointForm create={props.create} />
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
        <DeliveryTable deliveries={props.deliveries} timeZone={props.timeZone} name={name} />
      </section>
    </>
  );
}
