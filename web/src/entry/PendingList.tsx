import { For, Show } from "solid-js";
import { formatQuantity } from "../../../schema/numbers";
import { formatDay, formatTime, kindName, locale, t, tf } from "../i18n";
import type { EntryStore } from "./entry-store";

/** What is waiting to be sent, and entries the server refused (shown with its reason, never resent). */
export function PendingList(props: { store: EntryStore }) {
  const s = props.store;
  const fondsLabel = (code: string) => {
    const f = s.view()?.fonds.find((x) => x.code === code);
    return f?.name ? `${code} ${f.name}` : code;
  };
  const waiting = () => s.entries().filter((e) => e.rejected === undefined);
  const rejected = () => s.entries().filter((e) => e.rejected !== undefined);
  return (
    <section class="panel pending" aria-labelledby="pending-title">
      <h2 id="pending-title" class="section-title">
        {t("entry.pending")} <span class="count pending__count">({waiting().length})</span>
      </h2>
      <p class="pending__state" role="status">
        <Show when={s.status().tokenRejected}>
          <span class="facts__bad">{t("entry.tokenRejected")}</span>{" "}
        </Show>
        <Show when={s.status().sending}>{t("entry.sending")} </Show>
        <Show when={!s.status().sending && s.status().retryAt !== null && waiting().length > 0}>
          {tf("entry.retryAt", { at: formatTime(s.status().retryAt!) })}{" "}
          <button type="button" class="button button--small button--quiet" onClick={() => s.retry()}>
            {t("entry.retryNow")}
          </button>{" "}
        </Show>
        <Show when={s.status().lastSentAt}>{(at) => tf("entry.lastSent", { at: formatTime(at()) })}</Show>
      </p>
      <Show when={s.entries().length > 0} fallback={<p class="empty">{t("entry.allSent")}</p>}>
        <ul class="pending__list">
          <For each={[...rejected(), ...waiting()]}>
            {(e) => (
              <li class="pending__item" classList={{ "pending__item--rejected": e.rejected !== undefined }}>
                <span>
                  {formatDay(e.day)} {e.at.slice(11, 16)} · {fondsLabel(e.fonds)} · {kindName(e.kind)}: <strong>{formatQuantity(e.amount, e.decimals, locale())}</strong>
                </span>
                <Show when={e.rejected !== undefined}>
                  <span class="facts__bad">
                    {t(e.conflict ? "entry.conflict" : "entry.rejected")}: {e.rejected}
                  </span>
                  <Show when={e.conflict}>
                    <span class="pending__help">{t("entry.conflictHelp")}</span>
                  </Show>
                  <button type="button" class="button button--small button--danger" onClick={() => s.discard(e.id)}>
                    {t("entry.discard")}
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
