import { Show, createSignal, createUniqueId } from "solid-js";
import { fromBaseUnits } from "../../../schema/kinds";
import { locale } from "../i18n";
import { amountMessage, readAmount, type AmountRules } from "../number-input";

/** The refusals of one form, each shown next to its own field until that field is edited. */
export function createFieldErrors() {
  const [errors, setErrors] = createSignal<Readonly<Record<string, string>>>({});
  const set = (name: string, message: string | null) =>
    setErrors((e) => {
      const { [name]: _, ...rest } = e;
      return message === null ? rest : { ...rest, [name]: message };
    });
  /** The field's amount in base units, or null after noting why not beside the field. */
  const read = (name: string, text: string, rules: AmountRules): number | null => {
    const r = readAmount(text, rules, locale());
    set(name, r.ok ? null : amountMessage(r.problem, rules));
    return r.ok ? r.value : null;
  };
  return {
    of: (name: string): string | null => errors()[name] ?? null,
    any: () => Object.keys(errors()).length > 0,
    set,
    clear: () => setErrors({}),
    read,
    /** The same, in the kind's display unit the API takes (2,5 metres → 2.5). */
    readUnits(name: string, text: string, rules: AmountRules): number | null {
      const v = read(name, text, rules);
      return v === null ? null : fromBaseUnits(v, rules.decimals);
    },
  };
}

export type FieldErrors = ReturnType<typeof createFieldErrors>;

/**
 * A number typed the reader's way: a text input, since `type="number"` reads "1.000" as one in most
 * browsers, with the keyboard hint for digits, and its refusal (FieldErrors) right under it.
 */
export function NumberField(props: {
  name: string;
  label: string;
  errors: FieldErrors;
  /** Whole numbers get the digits keyboard; amounts with decimals or a sign the decimal one. */
  whole?: boolean;
  value?: string;
  required?: boolean;
  /** Label beside the input rather than above (an edit row). */
  inline?: boolean;
  /** Emptied after a successful submit (components/inspections/InspectionForm.tsx). */
  clear?: boolean;
}) {
  const id = createUniqueId();
  const error = () => props.errors.of(props.name);
  return (
    <label class="field" classList={{ "field--inline": props.inline === true, "field--invalid": error() !== null }}>
      <span>{props.label}</span>
      <input
        name={props.name}
        inputmode={props.whole ? "numeric" : "decimal"}
        autocomplete="off"
        required={props.required}
        value={props.value ?? ""}
        data-clear={props.clear ? "" : undefined}
        aria-invalid={error() !== null}
        aria-describedby={error() !== null ? `${id}-error` : undefined}
        onInput={() => error() !== null && props.errors.set(props.name, null)}
      />
      <Show when={error()}>
        <span class="field__error" id={`${id}-error`} role="alert">
          {error()}
        </span>
      </Show>
    </label>
  );
}
