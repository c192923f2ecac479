// The document's title per view, in the user's language: the browser tab, the history list and the first
// thing a screen reader says on a new page. Most specific first, the app's name last.
import { t } from "./i18n";
import type { Route } from "./router";

/** Pure: the title of a route, given the names the views show (a project still loading has its id). */
export function pageTitle(route: Route | "signIn", projectName: (id: string) => string): string {
  const parts = ((): string[] => {
    if (route === "signIn") return [t("session.signIn")];
    const project = "projectId" in route ? projectName(route.projectId) : "";
    switch (route.name) {
      case "overview":
        return [t("nav.overview")];
      case "project":
        return [project];
      case "fonds":
        return [`${t("title.fonds")} ${route.code}`, project];
      case "station":
        return [t("title.station"), project];
      case "rules":
        return [t("rules.title"), project];
      case "alertHistory":
        return [t("history.title"), project];
      case "reports":
        return [t("reports.title"), project];
      case "report":
        return [t("title.report"), project];
      case "inspections":
        return [t("inspections.title"), project];
      case "setup":
        return [t("admin.setup"), project];
      case "plan":
        return [t("admin.plan"), project];
      case "stations":
        return [t("admin.stations"), project];
      case "entry":
        return [t("nav.entry")];
      case "wall":
        return [t("nav.wall")];
      case "account":
        return [t("account.title")];
      case "users":
        return [t("users.title")];
      case "admin":
        return [t("admin.title")];
      case "newProject":
        return [t("admin.newProject")];
      case "displays":
        return [t("displays.title"), project];
      case "provinceDisplays":
        return [t("displays.title")];
      case "audit":
        return [t("audit.title")];
      case "projectAudit":
        return [t("audit.projectTitle"), project];
      case "systemAudit":
        return [t("audit.systemTitle")];
      case "notFound":
        return [t("nav.notFound")];
    }
  })();
  return [...parts.filter(Boolean), t("app.title")].join(" · ");
}
