import { For } from "solid-js";
import { LOCALES, locale, setLocale, t } from "../i18n";

export function LanguageSwitch() {
  return (
    <div class="lang" role="group" aria-label={t("app.language")}>
      <For each={LOCALES}>
        {(code) => (
          <button type="button" class="lang__option" aria-pressed={locale() === code} onClick={() => setLocale(code)}>
            {code.toUpperCase()}
          </button>
        )}
      </For>
    </div>
  );
}
