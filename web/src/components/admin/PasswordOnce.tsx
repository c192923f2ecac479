import { Show, onMount } from "solid-js";
import { t } from "../../i18n";
import { createCopy } from "./copy";
import "../../styles/admin.css";

/** A password made by the server for someone else (a new account's, or a reset one), shown this once:
 * the server keeps only its hash, and this page only in memory. */
export function PasswordOnce(props: { lead: string; label: string; password: string }) {
  let code!: HTMLElement;
  let panel!: HTMLDivElement;
  const { copied, copy } = createCopy(() => props.password, () => code);
  // A reset is asked from a row far down a long list: the answer comes into view.
  onMount(() => panel.scrollIntoView({ block: "nearest" }));
  return (
    <div ref={panel} class="panel token-once" role="status">
      <p>{props.lead}</p>
      <p>
        {props.label}{" "}
        <code ref={code} class="token-once__token" data-password={props.password}>
          {props.password}
        </code>
      </p>
      <p class="notice notice--warning">{t("people.passwordOnce")}</p>
      <button type="button" class="button" onClick={() => void copy()}>
        {t("people.copyPassword")}
      </button>
      <Show when={copied() !== null}>
        <p class="form-ok">{copied() ? t("people.copied") : t("people.copyByHand")}</p>
      </Show>
    </div>
  );
}
