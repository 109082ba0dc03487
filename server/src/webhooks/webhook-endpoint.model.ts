import type { WebhookEventType } from "@parley/shared";
import { model, Schema } from "mongoose";

/**
 * A site's webhook endpoints, all in one document keyed by the site's id. Every event a site emits needs its list
 * (which endpoints take that event), and a read by `_id` is the one read devdb does not turn into a scan; the list is
 * short (MAX_WEBHOOK_ENDPOINTS) and changes rarely. Writes are a compare-and-set on `version`.
 *
 * The secret is stored as it is: each request is signed with it, so it cannot be kept as a hash. It leaves the
 * server only in the answer to its creation or rotation.
 */
const endpointSchema = new Schema(
  {
    _id: { type: String, required: true },
    url: { type: String, required: true },
    description: { type: String, default: "" },
    events: { type: [String], required: true },
    enabled: { type: Boolean, required: true, default: true },
    secret: { type: String, required: true },
    secretCreatedAt: { type: Date, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);

const siteEndpointsSchema = new Schema(
  {
    /** The site's id, hex. */
    _id: { type: String, required: true },
    endpoints: { type: [endpointSchema], default: [] },
    version: { type: Number, required: true, default: 0 },
  },
  { versionKey: false, collection: "webhook_endpoints" },
);

export const WebhookEndpoints = model("WebhookEndpoints", siteEndpointsSchema);

export interface WebhookEndpointDoc {
  _id: string;
  url: string;
  description: string;
  events: WebhookEventType[];
  enabled: boolean;
  secret: string;
  secretCreatedAt: Date;
  createdAt: Date;
}

export interface SiteEndpointsDoc {
  _id: string;
  endpoints: WebhookEndpointDoc[];
  version: number;
}
