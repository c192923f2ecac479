import { Show, createSignal } from "solid-js";
import { apiClient } from "../../api";
import { t, tf } from "../../i18n";
import { useApp } from "../../store/context";
import { Field, FormMessage } from "./Field";
import type { FormErrors } from "./form-errors";
import { focusFirstInvalid, send } from "./send";

/** A system administrator renames a province (POST /provinces with its code, audited as province.update);
 * the code stays, so addresses and roles keep working. */
export function ProvinceRename(props: { province: { id: string; name: string } }) {
  const app = useApp();
  const [editing, setEditing] = createSignal(false);
  const [name, setName] = createSignal(props.province.name);
  const [errors, setErrors] = createSignal<FormErrors>({ fields: {}, message: null });
  const [busy, setBusy] = createSignal(false);

  const open = () => {
    setName(props.province.name);
    setErrors({ fields: {}, message: null });
    setEditing(true);
  };
  const submit = async (e: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    e.preventDefault();
    const form = e.currentTarget;
    setBusy(true);
    const json = { id: props.province.id, name: name() };
    const r = await send(() => apiClient().provinces.$post({ json }, { headers: app.session.writeHeaders() }), ["name"]);
    setBusy(false);
    if (!r.ok) {
      setErrors(r.errors);
      return focusFirstInvalid(form);
    }
    // The province's section is drawn again from the new list, under its new name.
    await app.projects.refetch();
    setEditing(false);
  };

  return (
    <Show
      when={editing()}
      fallback={
        <button type="button" class="button button--small button--quiet" aria-label={tf("admin.renameProvince", { name: props.province.name })} onClick={open}>
          {t("admin.rename")}
        </button>
      }
    >
      <form class="form admin__form" onSubmit={submit} noValidate aria-label={tf("admin.renameProvince", { name: props.province.name })}>
        <Field name="name" label={t("admin.newName")} value={name()} onInput={setName} error={errors().fields.name} maxLength={200} />
        <FormMessage error={errors().message} />
        <div class="admin__actions">
          <button type="submit" class="button" disabled={busy()}>
            {t("admin.rename")}
          </button>
          <button type="button" class="button button--quiet" onClick={() => setEditing(false)}>
            {t("admin.cancel")}
          </button>
        </div>
      </form>
    </Show>
  );
}
