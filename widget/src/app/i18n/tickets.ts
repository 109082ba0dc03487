// The "My tickets" view's catalogues: part of that lazy chunk (see view-catalogue.ts).

import { type TicketsCatalogue, ticketsEn } from "./tickets-en.ts";
import { viewCatalogue } from "./view-catalogue.ts";

const tickets = viewCatalogue<TicketsCatalogue>(ticketsEn, {
  fr: () => import("./tickets-fr.ts").then((m) => m.ticketsFr),
  de: () => import("./tickets-de.ts").then((m) => m.ticketsDe),
  es: () => import("./tickets-es.ts").then((m) => m.ticketsEs),
  ar: () => import("./tickets-ar.ts").then((m) => m.ticketsAr),
});

export const ticketsText = tickets.text;
export const loadTicketsText = tickets.load;
export const useTicketsText = tickets.use;
