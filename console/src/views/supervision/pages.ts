/** The lazily loaded supervisors' pages (see SupervisionRoute). */
export { FiguresPage } from "./FiguresPage.tsx";
export { WallPage } from "./WallPage.tsx";
