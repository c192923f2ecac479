import { For, Show, createEffect, createSignal, on, onCleanup, onMount, type JSX } from "solid-js";
import { rowsThatFit } from "./fit-rows";

/**
 * A wall list that shows as many rows as its box holds and says how many it left out ("+N"), so a row is
 * never cut in half by the screen's edge. The box's height comes from the wall's grid (styles/wall.css),
 * not from the rows; on a portrait phone the box grows instead, and `max` alone caps it. Rows are
 * measured all shown, then trimmed, in the same frame, so nothing flickers or shifts.
 */
export function FitList<T>(props: {
  items: readonly T[];
  max: number;
  class: string;
  more: (n: number) => string;
  empty?: string;
  children: (item: T) => JSX.Element;
}) {
  const [shown, setShown] = createSignal(props.max);
  let list!: HTMLUListElement;
  const fit = () => {
    if (!list.isConnected) return;
    setShown(props.max);
    const rows = [...list.children].filter((li) => !li.classList.contains("wall__more"));
    const top = list.getBoundingClientRect().top;
    const style = getComputedStyle(list);
    const moreLine = parseFloat(style.lineHeight) + (parseFloat(style.rowGap) || 0);
    setShown(rowsThatFit(rows.map((r) => r.getBoundingClientRect().bottom - top), list.clientHeight, moreLine));
  };
  onMount(() => {
    const watch = new ResizeObserver(fit);
    watch.observe(list);
    onCleanup(() => watch.disconnect());
  });
  // Outside the effect: Solid defers the DOM update of a signal set inside one, and the rows must be
  // in the DOM to be measured. A microtask still runs before the frame is painted.
  createEffect(on(() => [props.items, props.max], () => queueMicrotask(fit), { defer: true }));
  const more = () => props.items.length - Math.min(shown(), props.items.length);
  return (
    <ul ref={list} class={props.class}>
      <For each={props.items.slice(0, shown())} fallback={props.empty ? <li class="empty">{props.empty}</li> : undefined}>
        {props.children}
      </For>
      <Show when={more() > 0}>
        <li class="wall__more">{props.more(more())}</li>
      </Show>
    </ul>
  );
}
