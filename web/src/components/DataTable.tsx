import { For, Show, type JSX } from "solid-js";

/**
 * A table of rows under column headings, or a sentence when there are none. Wide tables scroll
 * sideways inside a region that the keyboard can reach (a scroll area that only a mouse can move hides
 * columns from keyboard users).
 */
export function DataTable<T>(props: {
  /** The region's name for screen readers, e.g. the section title. */
  label: string;
  headers: readonly string[];
  rows: readonly T[];
  /** Shown instead of an empty table; an empty table is drawn when absent. */
  empty?: string;
  class?: string;
  children: (row: T, index: () => number) => JSX.Element;
}) {
  const table = () => (
    <div class="table-scroll" tabindex="0" role="region" aria-label={props.label}>
      <table class={`grid-table ${props.class ?? ""}`}>
        <thead>
          <tr>
            <For each={props.headers}>{(h) => <th scope="col">{h}</th>}</For>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows}>{props.children}</For>
        </tbody>
      </table>
    </div>
  );
  return (
    <Show when={props.rows.length > 0 || props.empty === undefined} fallback={<p class="empty">{props.empty}</p>}>
      {table()}
    </Show>
  );
}
