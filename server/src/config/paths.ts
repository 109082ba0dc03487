import { fileURLToPath } from "node:url";

/** The repository root, so paths work whatever directory npm starts us from. */
export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const WIDGET_DIST = fileURLToPath(new URL("../../../widget/dist/", import.meta.url));
export const CONSOLE_DIST = fileURLToPath(new URL("../../../console/dist/", import.meta.url));
