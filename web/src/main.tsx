import { render } from "solid-js/web";

render(() => <p>…</p>, document.getElementById("root")!);
