// Copying a one-time secret (a station token, a wall address) to the clipboard, or, where there is no
// clipboard (plain http, or refused), selecting its text so Ctrl+C copies it.
import { createSignal } from "solid-js";

export function createCopy(text: () => string, element: () => HTMLElement) {
  /** null until tried; true when on the clipboard, false when selected for copying by hand. */
  const [copied, setCopied] = createSignal<boolean | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text());
      setCopied(true);
    } catch {
      const range = document.createRange();
      range.selectNodeContents(element());
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
      setCopied(false);
    }
  };
  return { copied, copy };
}
