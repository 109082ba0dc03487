/** The lazily loaded supervisors' pages (see LazyRoute). */
export { FiguresPage } from "./FiguresPage.tsx";
export { WallPage } from "./WallPage.tsx";
