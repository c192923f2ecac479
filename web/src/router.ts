// The dashboard's few addresses, and a path router small enough not to need a library. The worker
// serves index.html for every path outside /api (static assets, single-page-application mode), so each
// address below can be opened, bookmarked and reloaded as is.
import { createSignal } from "solid-js";

export type Route =
  | { name: "overview" }
  | { name: "project"; projectId: string }
  | { name: "fonds"; projectId: string; code: string } // phông
  | { name: "station"; projectId: string; stationId: string }
  | { name: "rules"; projectId: string }
  | { name: "alertHistory"; projectId: string } // ?rule=&scope= narrows it to one alert (views/AlertHistoryView.tsx)
  | { name: "reports"; projectId: string } // báo cáo: the list and the ad-hoc request
  | { name: "report"; projectId: string; reportId: string }
  | { name: "inspections"; projectId: string } // kiểm tra, đối soát, nghiệm thu
  | { name: "entry" } // the scan operator's entry page, signed in with a station token
  | { name: "wall" } // the meeting room's big screen
  | { name: "account" } // one's own password and sessions
  | { name: "users" } // người dùng: the people an administrator manages
  | { name: "admin" } // quản trị: provinces and their projects (web/src/views/admin)
  | { name: "newProject"; provinceId: string }
  | { name: "setup"; projectId: string } // the project's details and working calendar
  | { name: "plan"; projectId: string } // importing the plan, fonds settings
  | { name: "stations"; projectId: string } // scan stations and their tokens
  | { name: "displays"; projectId: string } // màn hình trình chiếu: the project's wall-screen codes
  | { name: "provinceDisplays"; provinceId: string } // the province's wall-screen codes
  | { name: "audit"; provinceId: string } // nhật ký: the province's audit log
  | { name: "projectAudit"; projectId: string } // the project's own entries
  | { name: "systemAudit" } // every entry, those of no province too (system administrators)
  | { name: "notFound" };

function segment(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null; // a malformed %-escape
  }
}

/** Pure: an address → the view it shows. `?project=` is the first live page's address, kept working. */
export function matchRoute(pathname: string, search = ""): Route {
  const parts = pathname.split("/").filter(Boolean).map(segment);
  if (parts.some((p) => p === null)) return { name: "notFound" };
  const [a, b, c, d, ...rest] = parts as string[];
  if (rest.length > 0) return { name: "notFound" };
  if (a === undefined) {
    const legacy = new URLSearchParams(search).get("project");
    return legacy ? { name: "project", projectId: legacy } : { name: "overview" };
  }
  if (a === "station" && b === undefined) return { name: "entry" };
  if (a === "wall" && b === undefined) return { name: "wall" };
  if (a === "account" && b === undefined) return { name: "account" };
  if (a === "users" && b === undefined) return { name: "users" };
  if (a === "admin" && b === undefined) return { name: "admin" };
  if (a === "admin" && b === "audit" && c === undefined) return { name: "systemAudit" };
  if (a === "admin" && b !== undefined && c === "new" && d === undefined) return { name: "newProject", provinceId: b };
  if (a === "admin" && b !== undefined && c === "displays" && d === undefined) return { name: "provinceDisplays", provinceId: b };
  if (a === "admin" && b !== undefined && c === "audit" && d === undefined) return { name: "audit", provinceId: b };
  if (a !== "p" || b === undefined) return { name: "notFound" };
  if (c === undefined) return { name: "project", projectId: b };
  if (c === "rules" && d === undefined) return { name: "rules", projectId: b };
  if (c === "alerts" && d === undefined) return { name: "alertHistory", projectId: b };
  if (c === "reports") return d === undefined ? { name: "reports", projectId: b } : { name: "report", projectId: b, reportId: d };
  if (c === "inspections" && d === undefined) return { name: "inspections", projectId: b };
  if (c === "audit" && d === undefined) return { name: "projectAudit", projectId: b };
  if ((c === "setup" || c === "plan" || c === "stations" || c === "displays") && d === undefined) return { name: c, projectId: b };
  if (c === "fonds" && d !== undefined) return { name: "fonds", projectId: b, code: d };
  if (c === "station" && d !== undefined) return { name: "station", projectId: b, stationId: d };
  return { name: "notFound" };
}

/** The address of a view; the inverse of matchRoute. */
export function pathOf(route: Route): string {
  const p = (id: string) => `/p/${encodeURIComponent(id)}`;
  switch (route.name) {
    case "overview":
    case "notFound":
      return "/";
    case "project":
      return p(route.projectId);
    case "fonds":
      return `${p(route.projectId)}/fonds/${encodeURIComponent(route.code)}`;
    case "station":
      return `${p(route.projectId)}/station/${encodeURIComponent(route.stationId)}`;
    case "rules":
      return `${p(route.projectId)}/rules`;
    case "alertHistory":
      return `${p(route.projectId)}/alerts`;
    case "reports":
      return `${p(route.projectId)}/reports`;
    case "report":
      return `${p(route.projectId)}/reports/${encodeURIComponent(route.reportId)}`;
    case "inspections":
      return `${p(route.projectId)}/inspections`;
    case "entry":
      return "/station";
    case "wall":
      return "/wall";
    case "account":
      return "/account";
    case "users":
      return "/users";
    case "admin":
      return "/admin";
    case "newProject":
      return `/admin/${encodeURIComponent(route.provinceId)}/new`;
    case "provinceDisplays":
      return `/admin/${encodeURIComponent(route.provinceId)}/displays`;
    case "audit":
      return `/admin/${encodeURIComponent(route.provinceId)}/audit`;
    case "projectAudit":
      return `${p(route.projectId)}/audit`;
    case "systemAudit":
      return "/admin/audit";
    case "setup":
    case "plan":
    case "stations":
    case "displays":
      return `${p(route.projectId)}/${route.name}`;
  }
}

const [location, setLocation] = createSignal({ pathname: globalThis.location?.pathname ?? "/", search: globalThis.location?.search ?? "" });

/** The current view, reactive. */
export const route = () => matchRoute(location().pathname, location().search);
/** The query string of the current address (e.g. the wall's `?every=`), reactive. */
export const searchParams = () => new URLSearchParams(location().search);

function sync(): void {
  setLocation({ pathname: window.location.pathname, search: window.location.search });
}

if (typeof window !== "undefined") window.addEventListener("popstate", sync);

export function navigate(path: string, opts: { replace?: boolean } = {}): void {
  if (opts.replace) history.replaceState(null, "", path);
  else history.pushState(null, "", path);
  sync();
  if (!opts.replace) window.scrollTo(0, 0);
}
