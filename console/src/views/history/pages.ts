/** The lazily loaded History page and visitor-panel section (Workspace.tsx and VisitorPast.tsx load it). */
export { HistoryPage } from "./HistoryPage.tsx";
export { VisitorPast } from "./VisitorPast.tsx";
