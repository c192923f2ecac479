import { Show } from "solid-js";
import { wallUrl } from "../../display-url";
import { t, tf } from "../../i18n";
import { createCopy } from "./copy";

/** A display's wall address, with its token, shown once: the server keeps only the token's hash
 * (worker/routes/displays.ts) and this page keeps it in memory only, as TokenOnce does for stations. */
export function DisplayOnce(props: { name: string; token: string; onClose: () => void }) {
  const url = () => wallUrl(location.origin, props.token);
  let code!: HTMLElement;
  const { copied, copy } = createCopy(() => url(), () => code);
  return (
    <section class="panel token-once" aria-labelledby="display-token-title" role="status">
      <h2 id="display-token-title" class="section-title">
        {tf("displays.tokenFor", { name: props.name })}
      </h2>
      <p class="notice notice--warning">{t("displays.tokenOnce")}</p>
      <dl class="setup-sheet__facts">
        <dt>{t("displays.wallUrl")}</dt>
        <dd>
          <code ref={code} class="token-once__token" data-wall-url={url()}>
            {url()}
          </code>
        </dd>
      </dl>
      <div class="admin__actions">
        <button type="button" class="button" onClick={() => void copy()}>
          {t("displays.copy")}
        </button>
        <button type="button" class="button button--quiet" onClick={() => props.onClose()}>
          {t("displays.done")}
        </button>
      </div>
      <Show when={copied() !== null}>
        <p class="form-ok" role="status">
          {copied() ? t("displays.copied") : t("displays.copyByHand")}
        </p>
      </Show>
    </section>
  );
}
