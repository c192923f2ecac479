import { Show, createEffect, createSignal, type JSX } from "solid-js";
import { parseDay, showDay } from "../days";
import { t } from "../i18n";

/** The one day field of the dashboard: typed dd/mm/yyyy whatever the browser's locale (a native date
 * input shows 11/30/2026 on a Vietnamese page), yyyy-mm-dd pasted is read too (web/src/days.ts). The form
 * gets the API's yyyy-mm-dd through `onDay`, or reads the field by `name` and passes it to parseDay. An unreadable
 * day is said next to the field when it is left or the form is sent; the field also fails the browser's
 * own validation then, so a form without `noValidate` is not sent. */
export function DayField(props: {
  name: string;
  label: string;
  /** yyyy-mm-dd to start from. */
  initial?: string | undefined;
  required?: boolean;
  /** The form's own error for this field (the server's, or a range check); wins over the field's. */
  error?: string | undefined;
  hint?: string;
  onDay?: (day: string | null) => void;
}): JSX.Element {
  const [text, setText] = createSignal(props.initial ? showDay(props.initial) : "");
  const [shown, setShown] = createSignal(false);
  const day = () => parseDay(text());
  const own = () => {
    if (text().trim() === "") return props.required ? t("day.required") : null;
    return day() ? null : t("day.format");
  };
  const error = () => props.error || (shown() ? own() : null);
  const noteId = () => `${props.name}-note`;
  let input!: HTMLInputElement;
  createEffect(() => input.setCustomValidity(own() ?? ""));
  return (
    <label class="field" classList={{ "field--invalid": !!error() }}>
      <span>{props.label}</span>
      <input
        ref={input}
        name={props.name}
        type="text"
        inputMode="numeric"
        placeholder="dd/mm/yyyy"
        autocomplete="off"
        maxLength={10}
        value={text()}
        required={props.required}
        aria-invalid={error() ? "true" : undefined}
        aria-describedby={error() || props.hint ? noteId() : undefined}
        onInput={(e) => {
          setText(e.currentTarget.value);
          if (shown() && !own()) setShown(false);
          props.onDay?.(day());
        }}
        onBlur={() => setShown(text().trim() !== "")}
        onInvalid={(e) => {
          e.preventDefault(); // our message, next to the field, in the page's language
          setShown(true);
        }}
      />
      <Show when={error()} fallback={<Show when={props.hint}>{(hint) => <small id={noteId()}>{hint()}</small>}</Show>}>
        {(message) => (
          <small id={noteId()} class="form-error">
            {message()}
          </small>
        )}
      </Show>
    </label>
  );
}
