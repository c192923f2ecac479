import { Show, createSignal } from "solid-js";
import { apiClient } from "../../api";
import { formatDate, formatDateTime, t, tf } from "../../i18n";
import type { FormErrors } from "./form-errors";
import { send } from "./send";

export interface StationItem {
  id: string;
  name: string;
  createdAt: number;
  revokedAt: number | null;
}

/** One station: rename (the token stays), a new token (the old one stops at once), revoke. */
export function StationRow(props: {
  projectId: string;
  station: StationItem;
  /** When it last posted (any post, retries too), as the project page's station table shows it. */
  lastPost: number | undefined;
  timeZone: string;
  silent: boolean;
  headers: () => Record<string, string>;
  onChanged: () => void;
  onToken: (name: string, token: string) => void;
}) {
  const [renaming, setRenaming] = createSignal(false);
  const [name, setName] = createSignal(props.station.name);
  const [errors, setErrors] = createSignal<FormErrors>({ fields: {}, message: null });
  const param = () => ({ projectId: props.projectId, stationId: props.station.id });
  const station = () => apiClient().projects[":projectId"].stations[":stationId"];

  const rename = async (e: SubmitEvent) => {
    e.preventDefault();
    const r = await send(() => station().$patch({ param: param(), json: { name: name() } }, { headers: props.headers() }), ["name"]);
    if (!r.ok) return setErrors(r.errors);
    setErrors({ fields: {}, message: null });
    setRenaming(false);
    props.onChanged();
  };
  const rotate = async () => {
    if (!confirm(tf("stations.confirmRotate", { name: props.station.name }))) return;
    const r = await send<{ name: string; token: string }>(() => station().rotate.$post({ param: param() }, { headers: props.headers() }), []);
    if (!r.ok) return setErrors(r.errors);
    props.onToken(r.body.name, r.body.token);
    props.onChanged();
  };
  const revoke = async () => {
    if (!confirm(tf("stations.confirmRevoke", { name: props.station.name }))) return;
    const r = await send(() => station().$delete({ param: param() }, { headers: props.headers() }), []);
    if (!r.ok) return setErrors(r.errors);
    props.onChanged();
  };

  return (
    <tr classList={{ "stations-admin__revoked": props.station.revokedAt !== null }}>
      <th scope="row">
        <Show when={renaming()} fallback={props.station.name}>
          <form class="form form--inline" onSubmit={rename} noValidate>
            <input name="name" value={name()} maxLength={100} aria-label={t("stations.name")} aria-invalid={errors().fields.name ? "true" : undefined} onInput={(e) => setName(e.currentTarget.value)} />
            <button type="submit" class="button button--small">
              {t("admin.save")}
            </button>
            <Show when={errors().fields.name}>
              <small class="form-error">{errors().fields.name}</small>
            </Show>
          </form>
        </Show>
        <Show when={errors().message}>
          <small class="form-error" role="alert">
            {errors().message}
          </small>
        </Show>
      </th>
      <td>{formatDate(props.station.createdAt)}</td>
      <td>{props.lastPost ? formatDateTime(props.lastPost, props.timeZone) : t("stations.never")}</td>
      <td>
        <Show when={props.station.revokedAt !== null} fallback={<Show when={props.silent} fallback={t("stations.active")}>{<span class="badge badge--silent">{t("stations.silent")}</span>}</Show>}>
          {tf("stations.revokedOn", { at: formatDate(props.station.revokedAt ?? 0) })}
        </Show>
      </td>
      <td class="stations-admin__actions">
        <button type="button" class="button button--small button--quiet" onClick={() => setRenaming(!renaming())}>
          {t("stations.rename")}
        </button>
        <button type="button" class="button button--small" onClick={() => void rotate()}>
          {props.station.revokedAt === null ? t("stations.rotate") : t("stations.reissue")}
        </button>
        <Show when={props.station.revokedAt === null}>
          <button type="button" class="button button--small button--danger" onClick={() => void revoke()}>
            {t("stations.revoke")}
          </button>
        </Show>
      </td>
    </tr>
  );
}
