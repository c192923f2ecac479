import { For, Show, createResource, createSignal } from "solid-js";
import { createStore } from "solid-js/store";
import { fromBaseUnits, kindDecimals } from "../../../../schema/kinds";
import { targetOf, type FondsPlan } from "../../../../schema/wire";
import { formatDay, kindName, locale, t, tf } from "../../i18n";
import { signed, type Quantity } from "../../format";
import { amountInput, amountMessage, readAmount } from "../../number-input";
import type { ActionResult } from "../../store/action";
import type { NewVerification } from "../../store/inspections";
import { DayField } from "../DayField";
import { FormMessage, outcomeOf, type FormOutcome } from "../FormMessage";
import { SheetPaste } from "./SheetPaste";

type Kind = NewVerification["rows"][number]["kind"];
type Cell = { key: string; fonds: FondsPlan; kind: string };

/**
 * The inspection of the 20th as one sheet: every fonds × planned kind with what the software had
 * counted by the end of the inspection day beside the verified figure, typed or pasted, all saved in
 * one verification (đối soát). Empty cells are not inspected, not zero.
 */
export function InspectionSheet(props: {
  fonds: readonly FondsPlan[];
  kinds: readonly string[];
  today: string;
  quantity: Quantity;
  counted: (day: string) => Promise<Map<string, number>>;
  verify: (v: NewVerification) => Promise<ActionResult>;
}) {
  const [day, setDay] = createSignal<string | null>(props.today);
  const [counted] = createResource(day, (d) => props.counted(d));
  const [text, setText] = createStore<Record<string, string>>({});
  const [errors, setErrors] = createStore<Record<string, string | undefined>>({});
  const [message, setMessage] = createSignal<FormOutcome | null>(null);
  const [busy, setBusy] = createSignal(false);
  const cells = (): Cell[] => props.fonds.flatMap((f) => props.kinds.filter((k) => targetOf(f, k) > 0).map((kind) => ({ key: `${f.code}/${kind}`, fonds: f, kind })));
  const shape = () => ({ fonds: new Map(props.fonds.map((f) => [f.code, props.kinds.filter((k) => targetOf(f, k) > 0)])), kinds: props.kinds });
  const rules = (kind: string) => ({ decimals: kindDecimals(kind) ?? 0 });
  const read = (c: Cell) => readAmount(text[c.key] ?? "", rules(c.kind), locale());
  const countOf = (c: Cell) => counted.latest?.get(c.key) ?? 0;
  const fill = (values: Map<string, number>) => {
    for (const [key, v] of values) setText(key, amountInput(v, kindDecimals(key.split("/")[1] ?? "") ?? 0));
    setErrors({});
  };

  const save = async (e: SubmitEvent) => {
    e.preventDefault();
    const filled = cells().filter((c) => (text[c.key] ?? "").trim() !== "");
    const rows: NewVerification["rows"] = [];
    for (const c of filled) {
      const r = read(c);
      setErrors(c.key, r.ok ? undefined : amountMessage(r.problem, rules(c.kind)));
      if (r.ok) rows.push({ fonds: c.fonds.code, kind: c.kind as Kind, verified: fromBaseUnits(r.value, rules(c.kind).decimals) });
    }
    const d = day();
    if (!d || filled.length === 0) return setMessage({ ok: false, text: t("sheet.empty") });
    if (rows.length < filled.length) return setMessage({ ok: false, text: t("sheet.invalid") });
    setBusy(true);
    const r = await props.verify({ inspectionDay: d, rows });
    setBusy(false);
    setMessage(outcomeOf(r, tf("sheet.saved", { count: rows.length })));
    if (r.ok) setText(Object.fromEntries(filled.map((c) => [c.key, ""])));
  };

  return (
    <form class="form panel inspection-sheet" onSubmit={save} aria-labelledby="sheet-title" noValidate>
      <h2 id="sheet-title" class="section-title">
        {tf("sheet.title", { day: day() ? formatDay(day()!) : "…" })}
      </h2>
      <p class="form__hint">{t("sheet.intro")}</p>
      <div class="form__grid">
        <DayField name="day" label={t("inspections.day")} initial={props.today} required onDay={(d) => setDay(d && d <= props.today ? d : null)} />
      </div>
      <SheetPaste shape={shape()} apply={fill} />
      <div class="table-scroll" tabindex="0" role="region" aria-label={t("inspections.verify")}>
        <table class="grid-table sheet">
          <thead>
            <tr>
              <For each={[t("inspections.fonds"), t("inspections.kind"), t("sheet.counted"), t("sheet.verified"), t("inspections.difference")]}>{(h) => <th scope="col">{h}</th>}</For>
            </tr>
          </thead>
          <tbody>
            <For each={cells()}>
              {(c) => {
                const label = `${c.fonds.code} ${kindName(c.kind)}`;
                const difference = () => {
                  const r = read(c);
                  return r.ok && (text[c.key] ?? "").trim() !== "" ? signed(props.quantity, c.kind, r.value - countOf(c)) : "";
                };
                return (
                  <tr>
                    <th scope="row">{`${c.fonds.code} ${c.fonds.name}`}</th>
                    <td>{kindName(c.kind)}</td>
                    <td class="num">{counted.loading && !counted.latest ? "…" : props.quantity(c.kind, countOf(c))}</td>
                    <td>
                      <input
                        name={`verified-${c.key}`}
                        aria-label={label}
                        inputmode={rules(c.kind).decimals > 0 ? "decimal" : "numeric"}
                        autocomplete="off"
                        value={text[c.key] ?? ""}
                        aria-invalid={errors[c.key] !== undefined}
                        onInput={(e) => (setText(c.key, e.currentTarget.value), setErrors(c.key, undefined))}
                      />
                      <Show when={errors[c.key]}>
                        <span class="field__error" role="alert">
                          {errors[c.key]}
                        </span>
                      </Show>
                    </td>
                    <td class="num" classList={{ "form-error": /^[+−-]/.test(difference()) }}>
                      {difference()}
                    </td>
                  </tr>
                );
              }}
            </For>
          </tbody>
        </table>
      </div>
      <button type="submit" class="button" disabled={busy() || !day()}>
        {t("sheet.save")}
      </button>
      <FormMessage outcome={message()} />
    </form>
  );
}
