import { z } from "zod";
import { Email, ObjectIdString } from "./primitives.ts";

// Requests only the REST API v1 makes; every other API request is parsed by a socket event's schema.

/** GET /api/v1/customers/{customerId} */
export const CustomerRef = z.strictObject({ customerId: ObjectIdString });
export type CustomerRef = z.infer<typeof CustomerRef>;

/** GET /api/v1/offline-requests/{offlineRequestId} */
export const OfflineRequestRef = z.strictObject({ offlineRequestId: ObjectIdString });
export type OfflineRequestRef = z.infer<typeof OfflineRequestRef>;

/** GET /api/v1/contacts?email=: the customer a contact belongs to. */
export const ContactLookup = z.strictObject({ email: Email });
export type ContactLookup = z.infer<typeof ContactLookup>;
