import "../../styles/official.css";
import { For, Index, Show } from "solid-js";
import { Dynamic } from "solid-js/web";
import type { DocTable, OfficialDocument as Doc } from "../../../../schema/reports/document";

/** The report as the official document, from the same model as its .docx (schema/reports/document.ts):
 * what the page prints (styles/report.css lays it out on A4 in the decree's margins). */
export function OfficialDocument(props: { doc: Doc; lang: string }) {
  return (
    <article class="official print-only" lang={props.lang}>
      <div class="official__header">
        <div class="official__issuer">
          <p>{props.doc.parentBody}</p>
          <p class="official__bold">{props.doc.issuingBody}</p>
          <hr class="official__rule" />
        </div>
        <div class="official__nation">
          <p class="official__bold">{props.doc.nationalTitle}</p>
          <p class="official__motto">{props.doc.motto}</p>
        </div>
        <p class="official__number">{props.doc.number}</p>
        <p class="official__date">{props.doc.placeDate}</p>
      </div>
      <p class="official__type">{props.doc.docType}</p>
      <p class="official__summary">{props.doc.summary}</p>
      <p class="official__recipient">{props.doc.recipient}</p>
      <For each={props.doc.body}>
        {(b) =>
          b.type === "table" ? <DataTable table={b.table} /> : <p class={b.type === "heading" ? "official__heading" : "official__p"}>{b.text}</p>
        }
      </For>
      <div class="official__footer">
        <div class="official__recipients">
          <p class="official__distribution">{props.doc.distributionTitle}</p>
          <For each={props.doc.distribution}>{(l) => <p>{l}</p>}</For>
        </div>
        <div class="official__signer">
          <For each={props.doc.signer.position}>{(l) => <p class="official__bold">{l}</p>}</For>
          <p class="official__placeholder">{props.doc.signer.placeholder}</p>
          <Show when={props.doc.signer.name}>
            <p class="official__bold">{props.doc.signer.name}</p>
          </Show>
        </div>
      </div>
    </article>
  );
}

function DataTable(props: { table: DocTable }) {
  const cells = (row: DocTable["body"][number], tag: "th" | "td") => (
    <Index each={row}>
      {(c) => (
        <Dynamic component={tag} rowSpan={c().rowSpan} colSpan={c().colSpan} class={`official__cell--${c().align ?? "left"}`} classList={{ official__bold: !!c().bold }}>
          {c().text}
        </Dynamic>
      )}
    </Index>
  );
  return (
    <table class="official__table">
      <colgroup>
        <For each={props.table.widths}>{(w) => <col style={{ width: `${w}%` }} />}</For>
      </colgroup>
      <thead>
        <For each={props.table.head}>{(row) => <tr>{cells(row, "th")}</tr>}</For>
      </thead>
      <tbody>
        <For each={props.table.body}>{(row) => <tr>{cells(row, "td")}</tr>}</For>
      </tbody>
    </table>
  );
}
