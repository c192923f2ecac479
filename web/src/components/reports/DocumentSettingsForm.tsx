import { For, Show, createSignal } from "solid-js";
import type { DocumentSettings } from "../../../../schema/reports/document-settings";
import { formatDateTime, t, tf, type MessageKey } from "../../i18n";
import type { ActionResult } from "../../store/action";
import { outcomeOf } from "../FormMessage";

const LINES: (keyof DocumentSettings)[] = ["distribution", "signerPosition"];
const FIELDS: { name: keyof DocumentSettings; label: MessageKey }[] = [
  { name: "parentBody", label: "doc.parentBody" },
  { name: "issuingBody", label: "doc.issuingBody" },
  { name: "numberSuffix", label: "doc.numberSuffix" },
  { name: "place", label: "doc.place" },
  { name: "recipient", label: "doc.recipient" },
  { name: "distribution", label: "doc.distribution" },
  { name: "signerPosition", label: "doc.signerPosition" },
  { name: "signerName", label: "doc.signerName" },
];

/** Who issues and signs the project's reports, and to whom they go: one block for every report of the
 * project, shown folded so it does not stand between the reader and the figures. */
export function DocumentSettingsForm(props: {
  settings: DocumentSettings;
  saved: { by: string; at: number } | null;
  timeZone: string;
  save: (s: DocumentSettings) => Promise<ActionResult>;
}) {
  const [message, setMessage] = createSignal<{ ok: boolean; text: string } | null>(null);
  const value = (name: keyof DocumentSettings) => {
    const v = props.settings[name];
    return Array.isArray(v) ? v.join("\n") : v;
  };
  const submit = async (e: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const field = (name: keyof DocumentSettings) => String(data.get(name) ?? "");
    const settings: DocumentSettings = {
      parentBody: field("parentBody"),
      issuingBody: field("issuingBody"),
      place: field("place"),
      recipient: field("recipient"),
      distribution: field("distribution").split("\n").map((l) => l.trim()).filter(Boolean),
      signerPosition: field("signerPosition").trim(),
      signerName: field("signerName"),
      numberSuffix: field("numberSuffix"),
    };
    const r = await props.save(settings);
    setMessage(outcomeOf(r, t("reports.saved")));
  };
  return (
    <details class="report__section doc-settings no-print">
      <summary class="section-title">{t("doc.settings")}</summary>
      <form class="form doc-settings__form" onSubmit={submit}>
        <For each={FIELDS}>
          {(f) => (
            <label class="field">
              <span>{t(f.label)}</span>
              {LINES.includes(f.name) ? (
                <textarea name={f.name} rows={f.name === "distribution" ? 4 : 2} maxLength={2000} value={value(f.name)} />
              ) : (
                <input name={f.name} maxLength={300} value={value(f.name)} required={f.name !== "signerName"} />
              )}
            </label>
          )}
        </For>
        <div class="field--full">
          <button type="submit" class="button">
            {t("doc.save")}
          </button>{" "}
          <Show when={message()}>{(m) => <span class={m().ok ? "form-ok" : "form-error"} role="status">{m().text}</span>}</Show>
          <p class="empty">{props.saved ? tf("reports.notesBy", { by: props.saved.by, at: formatDateTime(props.saved.at, props.timeZone) }) : t("doc.defaults")}</p>
        </div>
      </form>
    </details>
  );
}
