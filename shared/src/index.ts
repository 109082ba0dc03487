export * from "./constants.ts";
export * from "./errors.ts";
export * from "./events.ts";
export * from "./schemas/admin.ts";
export * from "./schemas/agent.ts";
// REST API v1 and its keys
export * from "./schemas/api.ts";
export * from "./schemas/api-keys.ts";
export * from "./schemas/attachments.ts";
export * from "./schemas/canned.ts";
export * from "./schemas/chat-signals.ts";
export * from "./schemas/customers.ts";
export type * from "./schemas/dto.ts";
export * from "./schemas/history.ts";
export * from "./schemas/identity.ts";
// Tickets by email
export * from "./schemas/inbound-email.ts";
// Manuals before tickets
export * from "./schemas/manuals.ts";
// Web-conference scheduling
export * from "./schemas/meetings.ts";
export * from "./schemas/message.ts";
export * from "./schemas/offline.ts";
export * from "./schemas/password.ts";
export * from "./schemas/primitives.ts";
export * from "./schemas/products.ts";
// Ratings and transcripts
export * from "./schemas/ratings.ts";
export * from "./schemas/routing.ts";
export * from "./schemas/sla.ts";
export * from "./schemas/supervision.ts";
export * from "./schemas/support-hours.ts";
export * from "./schemas/tickets.ts";
export * from "./schemas/visitor.ts";
// Visitor gone and close reasons
export * from "./schemas/visitor-gone.ts";
// Signed webhooks
export * from "./schemas/webhooks.ts";
// A widget customers can make their own
export * from "./schemas/widget-settings.ts";
