import { Show, createResource, createSignal, type JSX } from "solid-js";
import type { Answer } from "../../api";
import { DataTable } from "../DataTable";
import type { FormErrors } from "./form-errors";
import { NameForm } from "./NameForm";
import { focusFirstInvalid, send } from "./send";

/** A token just issued: shown once, by the caller's own panel (stations: a setup sheet; displays: a wall code). */
export interface Issued {
  name: string;
  token: string;
}

/** What a row may do: reload the list, show a token it was issued again, or say why it was refused. */
export interface RowActions {
  refetch: () => void;
  show: (issued: Issued) => void;
  fail: (errors: FormErrors) => void;
}

/**
 * Things known by a name that come with a bearer token (scan stations, wall-screen displays): the
 * token shown once, a form that adds one by its name (the server's error under the field), and the list.
 */
export function NamedTokens<T>(props: {
  form: { id: string; title: string; label: string; placeholder: string; submit: string; class?: string };
  list: { id: string; title: string; class: string; empty: string; loadFailed: string; headers: string[]; panelClass?: string };
  create: (name: string) => Promise<Answer>;
  load: () => Promise<T[]>;
  once: (issued: Issued, close: () => void) => JSX.Element;
  children: (row: T, actions: RowActions) => JSX.Element;
}) {
  const [rows, { refetch }] = createResource(() => props.load());
  const [shown, setShown] = createSignal<Issued | null>(null);
  const [name, setName] = createSignal("");
  const [errors, setErrors] = createSignal<FormErrors>({ fields: {}, message: null });
  const actions: RowActions = { refetch: () => void refetch(), show: setShown, fail: setErrors };

  const add = async (e: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    e.preventDefault();
    const form = e.currentTarget;
    const r = await send<Issued>(() => props.create(name()), ["name"]);
    if (!r.ok) {
      setErrors(r.errors);
      return focusFirstInvalid(form);
    }
    setErrors({ fields: {}, message: null });
    setName("");
    setShown({ name: r.body.name, token: r.body.token });
    void refetch();
  };

  return (
    <>
      <Show when={shown()}>{(s) => props.once(s(), () => setShown(null))}</Show>
      <NameForm {...props.form} value={name()} onInput={setName} errors={errors()} onSubmit={add} />
      <section class={`panel ${props.list.panelClass ?? ""}`} aria-labelledby={props.list.id}>
        <h2 id={props.list.id} class="section-title">
          {props.list.title}
        </h2>
        <Show when={rows.error}>
          <p class="notice notice--error">{props.list.loadFailed}</p>
        </Show>
        <Show when={rows.state === "ready" || rows.state === "refreshing" ? rows() : undefined}>
          {(list) => (
            <DataTable label={props.list.title} class={props.list.class} empty={props.list.empty} rows={list()} headers={props.list.headers}>
              {(row) => props.children(row, actions)}
            </DataTable>
          )}
        </Show>
      </section>
    </>
  );
}
