/** The lazily loaded ticket pages (see TicketRoute). */
export { NewTicketPage } from "./NewTicketPage.tsx";
export { TicketPage } from "./TicketPage.tsx";
