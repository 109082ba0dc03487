import { z } from "zod";
import { MAX_MESSAGE_LENGTH, PRIORITIES } from "../constants.ts";
import { ManualsOpened } from "./manuals.ts";
import { ClientMsgId, Email, PersonName } from "./primitives.ts";
import { ProductId } from "./products.ts";

/**
 * `offline:submit`: what a visitor leaves while support is closed or nobody is online. The client id makes
 * a resubmission (double click, retry after a dropped connection) return the same reference.
 */
export const OfflineRequestInput = z.strictObject({
  clientRequestId: ClientMsgId,
  name: PersonName,
  email: Email,
  priority: z.enum(PRIORITIES),
  product: ProductId.optional(),
  details: z
    .string()
    .trim()
    .min(1, "details are required")
    .max(MAX_MESSAGE_LENGTH, `details are longer than ${MAX_MESSAGE_LENGTH} characters`),
  /** Suggested manual articles the visitor opened while writing: shown to the agent. */
  manualsOpened: ManualsOpened.optional(),
  /** The browser's time zone (Intl), for proposing a web conference; an unknown one is dropped, not refused. */
  timeZone: z.string().max(64).optional(),
});
export type OfflineRequestInput = z.infer<typeof OfflineRequestInput>;
