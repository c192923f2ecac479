import { Show, createResource } from "solid-js";
import { t, tf } from "../../i18n";
import { createCopy } from "./copy";
import { stationSetupText } from "./station-activity";

/** A station's token, shown once: the server keeps only its hash (worker/routes/stations.ts), and this
 * page keeps it in memory only, so a reload or leaving the page forgets it. With a copy button, a QR
 * code for the scan PC and a printable setup sheet. */
export function TokenOnce(props: { projectId: string; stationName: string; token: string; onClose: () => void }) {
  const server = location.origin;
  const entryUrl = `${server}/station?project=${encodeURIComponent(props.projectId)}`;
  // uqr (a few kB, no dependencies) is loaded only when a token is shown: not in the first load.
  const [qr] = createResource(async () => (await import("uqr")).renderSVG(stationSetupText(server, props.projectId, props.token), { border: 2 }));
  let code!: HTMLElement;
  const { copied, copy } = createCopy(() => props.token, () => code);
  return (
    <section class="panel token-once setup-sheet" aria-labelledby="token-title" role="status">
      <h2 id="token-title" class="section-title">
        {tf("stations.tokenFor", { name: props.stationName })}
      </h2>
      <p class="notice notice--warning no-print">{t("stations.tokenOnce")}</p>
      <dl class="setup-sheet__facts">
        <dt>{t("stations.projectCode")}</dt>
        <dd>
          <code>{props.projectId}</code>
        </dd>
        <dt>{t("stations.server")}</dt>
        <dd>
          <code>{server}</code>
        </dd>
        <dt>{t("stations.entryPage")}</dt>
        <dd>
          <code>{entryUrl}</code>
        </dd>
        <dt>{t("stations.token")}</dt>
        <dd>
          <code ref={code} class="token-once__token" data-token={props.token}>
            {props.token}
          </code>
        </dd>
      </dl>
      <Show when={qr()}>{(svg) => <div class="token-once__qr" role="img" aria-label={t("stations.qr")} innerHTML={svg()} />}</Show>
      <p class="setup-sheet__howto">{t("stations.howto")}</p>
      <div class="admin__actions no-print">
        <button type="button" class="button" onClick={() => void copy()}>
          {t("stations.copy")}
        </button>
        <button type="button" class="button" onClick={() => window.print()}>
          {t("stations.print")}
        </button>
        <button type="button" class="button button--quiet" onClick={() => props.onClose()}>
          {t("stations.done")}
        </button>
      </div>
      <Show when={copied() !== null}>
        <p class="form-ok no-print" role="status">
          {copied() ? t("stations.copied") : t("stations.copyByHand")}
        </p>
      </Show>
    </section>
  );
}
