import { createContext, createMemo, createSignal, onCleanup, useContext, type Accessor, type JSX } from "solid-js";
import { t } from "../i18n";
import type { ConnectionStatus } from "../live/connection";
import { pageConnection } from "../live/page-connection";

const Register = createContext<(status: Accessor<ConnectionStatus>) => void>();

/**
 * One status message for every live feed under it, said once per change of the page's connection (a
 * screen reader hears "Mất kết nối" once, not once per card). Feeds come and go (a wall's next project,
 * a province opened): while none is open the last word stays, so a feed replaced by another that is
 * just as live is not a change to announce.
 */
export function ConnectionAnnouncement(props: { children: JSX.Element }) {
  const [feeds, setFeeds] = createSignal<readonly Accessor<ConnectionStatus>[]>([]);
  const register = (status: Accessor<ConnectionStatus>) => {
    setFeeds((f) => [...f, status]);
    onCleanup(() => setFeeds((f) => f.filter((s) => s !== status)));
  };
  const status = createMemo<ConnectionStatus | null>((last) => pageConnection(feeds().map((s) => s())) ?? last, null);
  const word = () => {
    const s = status();
    return s ? t(`status.${s}`) : "";
  };
  return (
    <Register.Provider value={register}>
      {props.children}
      <p class="visually-hidden" role="status">
        {word()}
      </p>
    </Register.Provider>
  );
}

/** Adds a feed's connection to the page's announcement, for the lifetime of the calling component. */
export function useAnnouncedConnection(status: Accessor<ConnectionStatus>): void {
  useContext(Register)?.(status);
}
