import { Match, Show, Switch, createSignal } from "solid-js";
import { t } from "../../i18n";
import type { ActionResult } from "../../store/action";
import type { NewContactPoint } from "../../store/rules";
import type { AmountRules } from "../../number-input";
import { NumberField, createFieldErrors } from "../NumberField";
import { errorOf, FormMessage } from "../FormMessage";

type Kind = NewContactPoint["type"] & string;
const KINDS: Kind[] = ["email", "telegram", "zalo", "webhook"];
const SECONDS: AmountRules = { decimals: 0, max: 24 * 3600 };
const HOURS: AmountRules = { decimals: 1, max: 7 * 24 };

/** A new contact point: its channel and what that channel needs, how messages are grouped (defaults as
 * Alertmanager's: 30 s, 5 min, 4 h) and whether they are held outside working time. */
export function ContactPointForm(props: { create: (cp: NewContactPoint) => Promise<ActionResult> }) {
  const [kind, setKind] = createSignal<Kind>("email");
  const [error, setError] = createSignal<string | null>(null);
  const errors = createFieldErrors();
  const submit = async (e: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const field = (name: string) => String(data.get(name) ?? "").trim();
    const wait = errors.read("groupWait", field("groupWait"), SECONDS);
    const interval = errors.read("groupInterval", field("groupInterval"), SECONDS);
    const repeat = errors.readUnits("repeatHours", field("repeatHours"), HOURS);
    if (wait === null || interval === null || repeat === null) return;
    const settings: Record<string, string> = {};
    for (const k of ["botToken", "chatId", "accessToken", "userId"]) if (field(k)) settings[k] = field(k);
    const r = await props.create({
      name: field("name"),
      type: kind(),
      url: field("url"),
      settings,
      groupWaitSeconds: wait,
      groupIntervalSeconds: interval,
      repeatIntervalSeconds: Math.round(repeat * 3600),
      muteOutsideWorkingTime: data.get("mute") === "on",
    });
    setError(errorOf(r));
    if (r.ok) form.reset();
  };
  const text = (name: string, label: string, type = "text") => (
    <label class="field">
      <span>{label}</span>
      <input name={name} type={type} required maxLength={300} autocomplete="off" />
    </label>
  );
  return (
    <form class="form" onSubmit={submit}>
      <div class="form__grid">
        <label class="field">
          <span>{t("contact.name")}</span>
          <input name="name" required maxLength={100} />
        </label>
        <label class="field">
          <span>{t("contact.type")}</span>
          <select name="type" value={kind()} onChange={(e) => setKind(e.currentTarget.value as Kind)}>
            {KINDS.map((k) => (
              <option value={k}>{t(`contact.type.${k}`)}</option>
            ))}
          </select>
        </label>
        <Switch>
          <Match when={kind() === "email"}>{text("url", t("contact.email"), "email")}</Match>
          <Match when={kind() === "webhook"}>
            <label class="field field--wide">
              <span>{t("contact.url")}</span>
              <input name="url" type="url" required maxLength={500} placeholder="https://" />
            </label>
          </Match>
          <Match when={kind() === "telegram"}>
            {text("botToken", t("contact.botToken"))}
            {text("chatId", t("contact.chatId"))}
          </Match>
          <Match when={kind() === "zalo"}>
            {text("accessToken", t("contact.accessToken"))}
            {text("userId", t("contact.userId"))}
          </Match>
        </Switch>
        <Show when={kind() === "telegram" || kind() === "zalo"}>
          <label class="field field--wide">
            <span>{t("contact.apiUrl")}</span>
            <input name="url" type="url" maxLength={500} placeholder="https://" />
          </label>
        </Show>
        <NumberField name="groupWait" label={t("contact.groupWait")} errors={errors} whole value="30" />
        <NumberField name="groupInterval" label={t("contact.groupInterval")} errors={errors} whole value="300" />
        <NumberField name="repeatHours" label={t("contact.repeatInterval")} errors={errors} value="4" />
        <label class="check field--wide">
          <input type="checkbox" name="mute" checked />
          {t("contact.mute")}
        </label>
      </div>
      <FormMessage error={error()} />
      <button type="submit" class="button">
        {t("contact.add")}
      </button>
    </form>
  );
}
