import { Show, type JSX } from "solid-js";

/** A labelled input with its error (or hint) right under it, tied to it for screen readers. */
export function Field(props: {
  name: string;
  label: string;
  error?: string | undefined;
  hint?: string;
  value?: string;
  placeholder?: string;
  inputMode?: "text" | "numeric" | "email";
  type?: "text" | "email" | "password";
  /** "off" unless said: setup forms fill in other people's details, not the admin's own. */
  autocomplete?: string;
  required?: boolean;
  maxLength?: number;
  rows?: number;
  wide?: boolean;
  onInput?: (value: string) => void;
  children?: JSX.Element;
}): JSX.Element {
  const noteId = () => `${props.name}-note`;
  const described = () => (props.error || props.hint ? noteId() : undefined);
  return (
    <label class="field" classList={{ "field--invalid": !!props.error, "field--wide": props.wide }}>
      <span>{props.label}</span>
      {props.children ??
        (props.rows ? (
          <textarea
            name={props.name}
            rows={props.rows}
            value={props.value ?? ""}
            placeholder={props.placeholder}
            aria-invalid={props.error ? "true" : undefined}
            aria-describedby={described()}
            onInput={(e) => props.onInput?.(e.currentTarget.value)}
          />
        ) : (
          <input
            name={props.name}
            type={props.type ?? "text"}
            value={props.value ?? ""}
            placeholder={props.placeholder}
            inputMode={props.inputMode}
            required={props.required}
            maxLength={props.maxLength}
            autocomplete={props.autocomplete ?? "off"}
            aria-invalid={props.error ? "true" : undefined}
            aria-describedby={described()}
            onInput={(e) => props.onInput?.(e.currentTarget.value)}
          />
        ))}
      <Show when={props.error} fallback={<Show when={props.hint}>{(hint) => <small id={noteId()}>{hint()}</small>}</Show>}>
        {(error) => (
          <small id={noteId()} class="form-error">
            {error()}
          </small>
        )}
      </Show>
    </label>
  );
}

/** Setup forms import it with their fields. */
export { FormMessage } from "../FormMessage";
