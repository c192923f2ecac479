import { Show } from "solid-js";
import { t } from "../i18n";
import { useApp } from "../store/context";
import { LanguageSwitch } from "./LanguageSwitch";
import { Link } from "./Link";

export function TopBar() {
  const app = useApp();
  // Until the session is known the bar holds only its title: its links and the user's name would
  // otherwise arrive a moment later, wrap on a phone and push the page's content down.
  const known = () => app.session.me() !== undefined || !!app.session.error();
  return (
    <header class="topbar">
      <Link class="topbar__title" href="/">
        {t("app.title")}
      </Link>
      <Show when={known()}>
        <Bar />
      </Show>
    </header>
  );
}

function Bar() {
  const app = useApp();
  return (
    <>
      <nav class="topbar__nav" aria-label={t("nav.main")}>
        <Show when={app.session.me()}>
          <Link href="/">{t("nav.overview")}</Link>
          <Link href="/wall">{t("nav.wall")}</Link>
        </Show>
        {/* Only administrators manage people; the server filters the list to theirs (worker/routes/users.ts). */}
        <Show when={app.session.me()?.memberships.some((m) => m.role === "admin")}>
          <Link href="/admin">{t("nav.admin")}</Link>
          <Link href="/users">{t("nav.users")}</Link>
        </Show>
        <Link href="/station">{t("nav.entry")}</Link>
      </nav>
      <div class="topbar__tools">
        <Show when={app.session.me()}>
          {(me) => (
            <span class="topbar__user">
              <span class="topbar__name">{me().user.name}</span>
              <Link class="topbar__account" href="/account">
                {t("nav.account")}
              </Link>
              <button type="button" class="topbar__signout" onClick={() => void app.session.signOut()}>
                {t("session.signOut")}
              </button>
            </span>
          )}
        </Show>
        <LanguageSwitch />
      </div>
    </>
  );
}
