import { For, Show, createSignal } from "solid-js";
import type { InferResponseType } from "hono/client";
import { apiClient, errorMessage } from "../../api";
import { DataTable } from "../../components/DataTable";
import { Breadcrumbs } from "../../components/Breadcrumbs";
import { DayField } from "../../components/DayField";
import { Field } from "../../components/admin/Field";
import { actorShort, changeLines } from "../../components/admin/audit-text";
import { formatDateTime, t } from "../../i18n";
import { pathOf } from "../../router";
import { useApp } from "../../store/context";
import "../../styles/admin.css";

type Entry = InferResponseType<ReturnType<typeof apiClient>["provinces"][":provinceId"]["audit"]["$get"], 200>["entries"][number];
interface Filters {
  who: string;
  action: string;
  from: string | null;
  to: string | null;
}

/** Whose entries: a province's (its projects' included), one project's, or every entry (system administrators). */
export type AuditScope = { provinceId: string } | { projectId: string } | "system";

/** Nhật ký quản trị: the append-only audit log of a scope, newest first, filtered by who, action and days
 * (worker/routes/audit.ts), a page at a time. */
export default function AuditView(props: { scope: AuditScope }) {
  const app = useApp();
  const scope = props.scope;
  const scopeName = () =>
    scope === "system"
      ? null
      : "projectId" in scope
        ? (app.projects.find(scope.projectId)?.name ?? scope.projectId)
        : (app.projects.provinces()?.find((p) => p.id === scope.provinceId)?.name ?? scope.provinceId);
  const title = () => (scope === "system" ? t("audit.systemTitle") : "projectId" in scope ? t("audit.projectTitle") : t("audit.title"));
  const trail = () =>
    scope === "system"
      ? [{ label: t("admin.title"), href: pathOf({ name: "admin" }) }, { label: title() }]
      : "projectId" in scope
        ? [{ label: scopeName() ?? "", href: pathOf({ name: "project", projectId: scope.projectId }) }, { label: title() }]
        : [{ label: t("admin.title"), href: pathOf({ name: "admin" }) }, { label: scopeName() ?? "" }, { label: title() }];
  const fetchPage = (query: Record<string, string>) => {
    const api = apiClient();
    if (scope === "system") return api.audit.$get({ query });
    if ("projectId" in scope) return api.projects[":projectId"].audit.$get({ param: { projectId: scope.projectId }, query });
    return api.provinces[":provinceId"].audit.$get({ param: { provinceId: scope.provinceId }, query });
  };
  const [filters, setFilters] = createSignal<Filters>({ who: "", action: "", from: null, to: null });
  const [who, setWho] = createSignal("");
  const [action, setAction] = createSignal("");
  const [from, setFrom] = createSignal<string | null>(null);
  const [to, setTo] = createSignal<string | null>(null);
  const [entries, setEntries] = createSignal<Entry[]>([]);
  const [next, setNext] = createSignal<number | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [loading, setLoading] = createSignal(false);
  const seenActions = () => [...new Set(entries().map((e) => e.action))].sort();

  const load = async (before: number | null) => {
    const f = filters();
    const query = {
      ...(before !== null ? { before: String(before) } : {}),
      ...(f.who.trim() ? { who: f.who.trim() } : {}),
      ...(f.action.trim() ? { action: f.action.trim() } : {}),
      ...(f.from ? { from: f.from } : {}),
      ...(f.to ? { to: f.to } : {}),
    };
    setLoading(true);
    try {
      const res = await fetchPage(query);
      if (!res.ok) return setError(await errorMessage(res));
      const page = await res.json();
      setError(null);
      setEntries(before === null ? page.entries : [...entries(), ...page.entries]);
      setNext(page.next);
    } catch {
      setError(t("audit.loadFailed"));
    } finally {
      setLoading(false);
    }
  };
  void load(null);

  const filter = (e: SubmitEvent) => {
    e.preventDefault();
    if (from() && to() && from()! > to()!) return setError(t("audit.badRange"));
    setFilters({ who: who(), action: action(), from: from(), to: to() });
    void load(null);
  };

  return (
    <div class="view admin">
      <Breadcrumbs trail={trail()} />
      <div class="view__head">
        <h1 class="view__title">
          {title()}
          <Show when={scopeName()}> · {scopeName()}</Show>
        </h1>
      </div>
      <form class="form panel audit__filters" onSubmit={filter}>
        <div class="form__grid">
          <Field name="who" label={t("audit.who")} value={who()} onInput={setWho} maxLength={200} />
          <Field name="action" label={t("audit.action")} placeholder={t("audit.allActions")} value={action()} onInput={setAction} maxLength={64}>
            <input name="action" list="audit-actions" value={action()} placeholder={t("audit.allActions")} maxLength={64} autocomplete="off" onInput={(e) => setAction(e.currentTarget.value)} />
          </Field>
          <datalist id="audit-actions">
            <For each={seenActions()}>{(a) => <option value={a} />}</For>
          </datalist>
          <DayField name="from" label={t("audit.from")} onDay={setFrom} />
          <DayField name="to" label={t("audit.to")} onDay={setTo} />
          <button type="submit" class="button" disabled={loading()}>
            {t("audit.filter")}
          </button>
        </div>
      </form>
      <Show when={error()}>
        <p class="notice notice--error" role="alert">
          {error()}
        </p>
      </Show>
      <section class="panel">
        <DataTable
          label={title()}
          class="audit-log"
          empty={loading() ? t("project.loading") : t("audit.none")}
          rows={entries()}
          headers={[t("audit.when"), t("audit.who"), t("audit.action"), t("audit.target"), t("audit.change")]}
        >
          {(e) => (
            <tr>
              <td>{formatDateTime(e.at)}</td>
              <td title={e.actorName}>{actorShort(e.actorName)}</td>
              <td>
                <code>{e.action}</code>
              </td>
              <td>{e.target}</td>
              <td>
                <For each={changeLines(e.before, e.after)}>{(line) => <div class="audit-log__change">{line}</div>}</For>
              </td>
            </tr>
          )}
        </DataTable>
        <Show when={next() !== null}>
          <button type="button" class="button button--quiet" disabled={loading()} onClick={() => void load(next())}>
            {t("audit.more")}
          </button>
        </Show>
      </section>
    </div>
  );
}
