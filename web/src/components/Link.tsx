import { splitProps, type JSX } from "solid-js";
import { navigate } from "../router";

/** An ordinary link (open in a new tab, copy, keyboard) that changes views without reloading the page. */
export function Link(props: JSX.AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const [own, rest] = splitProps(props, ["href", "onClick"]);
  const click = (e: MouseEvent) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(own.href);
  };
  return <a href={own.href} onClick={click} {...rest} />;
}
