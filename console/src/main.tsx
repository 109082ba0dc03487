import { render } from "preact";
import { App } from "./views/App.tsx";

const root = document.getElementById("app");
if (root) render(<App />, root);
