import { For, Show, createSignal } from "solid-js";
import type { FondsPlan } from "../../../../schema/wire";
import { formatQuantity } from "../../../../schema/numbers";
import { kindDecimals } from "../../../../schema/kinds";
import { apiClient } from "../../api";
import { kindName, locale, t } from "../../i18n";
import { FormMessage } from "./Field";
import type { FormErrors } from "./form-errors";
import { send } from "./send";

/** The plan as stored: approved and funded targets side by side per fonds (seed 001: funding can be below
 * the approved plan), and each fonds' agency and restricted flag. */
export function PlanTargets(props: { projectId: string; fonds: readonly FondsPlan[]; kinds: readonly string[]; headers: () => Record<string, string> }) {
  const [editing, setEditing] = createSignal<string | null>(null);
  const q = (kind: string, amount: number | undefined) => (amount ? formatQuantity(amount, kindDecimals(kind) ?? 0, locale()) : "");
  return (
    <div class="table-scroll">
      <table class="grid-table plan-targets">
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              {t("plan.code")}
            </th>
            <th scope="col" rowSpan={2}>
              {t("plan.fondsName")}
            </th>
            <For each={props.kinds}>
              {(k) => (
                <th scope="colgroup" colSpan={2} class="num">
                  {kindName(k)}
                </th>
              )}
            </For>
            <th scope="col" rowSpan={2}>
              <span class="visually-hidden">{t("plan.edit")}</span>
            </th>
          </tr>
          <tr>
            <For each={props.kinds}>
              {() => (
                <>
                  <th scope="col" class="num">
                    {t("plan.approved")}
                  </th>
                  <th scope="col" class="num">
                    {t("plan.funded")}
                  </th>
                </>
              )}
            </For>
          </tr>
        </thead>
        <tbody>
          <For each={props.fonds}>
            {(f) => (
              <>
                <tr>
                  <td>{f.code}</td>
                  <th scope="row">
                    {f.name}
                    <Show when={f.agency}>
                      <small class="plan-targets__agency">{f.agency}</small>
                    </Show>
                    <Show when={f.restricted}>
                      <span class="badge badge--restricted">{t("plan.restricted")}</span>
                    </Show>
                  </th>
                  <For each={props.kinds}>
                    {(k) => (
                      <>
                        <td class="num">{q(k, f.approved[k])}</td>
                        <td class="num" classList={{ "plan-targets__below": !!f.funded[k] && f.funded[k]! < (f.approved[k] ?? 0) }}>
                          {q(k, f.funded[k])}
                        </td>
                      </>
                    )}
                  </For>
                  <td>
                    <button type="button" class="button button--small button--quiet" aria-expanded={editing() === f.code} onClick={() => setEditing(editing() === f.code ? null : f.code)}>
                      {t("plan.edit")}
                    </button>
                  </td>
                </tr>
                <Show when={editing() === f.code}>
                  <tr>
                    <td colSpan={3 + props.kinds.length * 2}>
                      <FondsForm projectId={props.projectId} fonds={f} headers={props.headers} onDone={() => setEditing(null)} />
                    </td>
                  </tr>
                </Show>
              </>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}

/** PATCH /projects/:id/fonds/:code: agency and the restricted flag, in one request. */
function FondsForm(props: { projectId: string; fonds: FondsPlan; headers: () => Record<string, string>; onDone: () => void }) {
  const [agency, setAgency] = createSignal(props.fonds.agency);
  const [restricted, setRestricted] = createSignal(props.fonds.restricted);
  const [errors, setErrors] = createSignal<FormErrors>({ fields: {}, message: null });
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const json = { agency: agency(), restricted: restricted() };
    const param = { projectId: props.projectId, fondsCode: props.fonds.code };
    const r = await send(() => apiClient().projects[":projectId"].fonds[":fondsCode"].$patch({ param, json }, { headers: props.headers() }), ["agency", "restricted"]);
    if (!r.ok) return setErrors(r.errors);
    props.onDone();
  };
  return (
    <form class="form fonds-form" onSubmit={submit} noValidate>
      <label class="field field--wide" classList={{ "field--invalid": !!errors().fields.agency }}>
        <span>{t("plan.agency")}</span>
        <input name="agency" value={agency()} maxLength={300} onInput={(e) => setAgency(e.currentTarget.value)} aria-invalid={errors().fields.agency ? "true" : undefined} />
        <Show when={errors().fields.agency}>
          <small class="form-error">{errors().fields.agency}</small>
        </Show>
      </label>
      <label class="check">
        <input type="checkbox" name="restricted" checked={restricted()} onChange={(e) => setRestricted(e.currentTarget.checked)} />
        {t("plan.restrictedLabel")}
      </label>
      <Show when={restricted() !== props.fonds.restricted}>
        <p class="notice notice--warning" role="note">
          {restricted() ? t("plan.restrictWarning") : t("plan.unrestrictWarning")}
        </p>
      </Show>
      <FormMessage error={errors().message} />
      <div class="admin__actions">
        <button type="submit" class="button">
          {t("admin.save")}
        </button>
        <button type="button" class="button button--quiet" onClick={() => props.onDone()}>
          {t("admin.cancel")}
        </button>
      </div>
    </form>
  );
}
