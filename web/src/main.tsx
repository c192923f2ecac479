import { render } from "solid-js/web";
import { App } from "./App";
import { keepFocusInPage } from "./focus-rescue";
import { reachableScrollRegions } from "./scroll-regions";
import { registerServiceWorker } from "./offline/register";
import "./styles/base.css";
import "./styles/topbar.css";
import "./styles/layout.css";
import "./styles/forms.css";
import "./styles/progress.css";
import "./styles/overview.css";
import "./styles/project.css";
import "./styles/tables.css";
import "./styles/alerts.css";

render(() => <App />, document.getElementById("root")!);
keepFocusInPage();
reachableScrollRegions();
registerServiceWorker();
