import { Show } from "solid-js";
import "../styles/entry.css";
import { EntryForm } from "../entry/EntryForm";
import { EntrySignIn } from "../entry/EntrySignIn";
import { PendingList } from "../entry/PendingList";
import { TodayTotals } from "../entry/TodayTotals";
import { createEntryStore } from "../entry/entry-store";
import { t } from "../i18n";

/** The scan operator's page: no user account, the station's token; works through
 * network drops, keeping entries until the server has them. */
export default function EntryView() {
  const store = createEntryStore();
  return (
    <div class="view entry">
      <div class="view__head">
        <h1 class="view__title">{t("entry.title")}</h1>
        <p class={`netstate netstate--${store.online() ? "online" : "offline"}`} role="status">
          <span class="conn__dot" aria-hidden="true" />
          {store.online() ? t("entry.online") : t("entry.offline")}
        </p>
      </div>
      <Show when={store.credentials()} fallback={<EntrySignIn store={store} />}>
        {(c) => (
          <>
            <p class="entry__station">
              <strong>{store.view()?.station.name ?? "…"}</strong> · {c().projectId}{" "}
              <button
                type="button"
                class="button button--small button--quiet"
                onClick={() => (store.entries().length === 0 || confirm(t("entry.confirmSignOut"))) && store.signOut()}
              >
                {t("entry.signOut")}
              </button>
            </p>
            <Show when={store.view()} fallback={<p class="notice">{t("entry.loading")}</p>}>
              <div class="entry__grid">
                <EntryForm store={store} />
                <div class="entry__side">
                  <TodayTotals store={store} />
                  <PendingList store={store} />
                </div>
              </div>
            </Show>
          </>
        )}
      </Show>
    </div>
  );
}
