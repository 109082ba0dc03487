/** The lazily loaded History page and visitor-panel section (see HistoryRoute). */
export { HistoryPage } from "./HistoryPage.tsx";
export { VisitorPast } from "./VisitorPast.tsx";
