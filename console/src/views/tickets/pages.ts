/** The lazily loaded ticket pages (see LazyRoute). */
export { NewTicketPage } from "./NewTicketPage.tsx";
export { TicketListPage } from "./TicketListPage.tsx";
export { TicketPage } from "./TicketPage.tsx";
