import { Field, FormMessage } from "./Field";
import type { FormErrors } from "./form-errors";

/** A panel that creates something known by its name (a station, a wall display): one field, the
 * server's error under it, one button. */
export function NameForm(props: {
  id: string;
  title: string;
  label: string;
  placeholder: string;
  submit: string;
  value: string;
  onInput: (v: string) => void;
  errors: FormErrors;
  onSubmit: (e: SubmitEvent & { currentTarget: HTMLFormElement }) => void;
  class?: string;
}) {
  return (
    <section class={`panel ${props.class ?? ""}`} aria-labelledby={props.id}>
      <h2 id={props.id} class="section-title">
        {props.title}
      </h2>
      <form class="form admin__form" onSubmit={(e) => props.onSubmit(e)} noValidate>
        <Field name="name" label={props.label} placeholder={props.placeholder} value={props.value} onInput={props.onInput} error={props.errors.fields.name} maxLength={100} />
        <FormMessage error={props.errors.message} />
        <button type="submit" class="button">
          {props.submit}
        </button>
      </form>
    </section>
  );
}
