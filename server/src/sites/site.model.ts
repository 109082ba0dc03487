import {
  DEFAULT_SUPERVISION_SETTINGS,
  DEFAULT_TICKET_SETTINGS,
  DEFAULT_VISITOR_GONE_SETTINGS,
  DEFAULT_WIDGET_SETTINGS,
  type SupervisionSettings,
  type SupportCalendar,
  type TicketSettings,
  type VisitorGoneSettings,
  type WidgetSettings,
} from "@parley/shared";
import { ASSIGNMENT_MODES, DEFAULT_OFFER_TIMEOUT_SECONDS } from "@parley/shared/constants";
import { type InferSchemaType, model, Schema, type Types } from "mongoose";
import { ALWAYS_OPEN } from "../support-hours/always-open.ts";

const productSchema = new Schema(
  { id: { type: String, required: true }, name: { type: String, required: true } },
  { _id: false },
);

const siteSchema = new Schema(
  {
    /** Public key pasted into the customer's script tag; not a secret. */
    key: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    /** Exact origins (scheme://host[:port]) allowed to embed the widget. */
    allowedOrigins: { type: [String], default: [] },
    assignmentMode: { type: String, enum: ASSIGNMENT_MODES, required: true, default: "auto" },
    offerTimeoutSeconds: { type: Number, required: true, default: DEFAULT_OFFER_TIMEOUT_SECONDS },
    products: { type: [productSchema], default: [] },
    /**
     * A SupportCalendar, validated by its shared zod schema on every write (admin or seed); stored as a
     * plain document because its rules (overlaps, ranges past midnight) live in that schema, not here.
     */
    supportHours: { type: Schema.Types.Mixed, required: true, default: () => structuredClone(ALWAYS_OPEN) },
    /** TicketSettings (SLA plans, auto-close, entitlement refusal), validated by its shared schema on write. */
    tickets: { type: Schema.Types.Mixed, required: true, default: () => structuredClone(DEFAULT_TICKET_SETTINGS) },
    /** SupervisionSettings (the wall's alert thresholds), validated by its shared schema on write. */
    supervision: {
      type: Schema.Types.Mixed,
      required: true,
      default: () => structuredClone(DEFAULT_SUPERVISION_SETTINGS),
    },
    /** VisitorGoneSettings ("Visitor left" and the auto-close), validated by its shared schema on write. */
    visitorGone: {
      type: Schema.Types.Mixed,
      required: true,
      default: () => structuredClone(DEFAULT_VISITOR_GONE_SETTINGS),
    },
    /** WidgetSettings (theme, proactive greeting, unread sound), validated by its shared schema on write. */
    widget: { type: Schema.Types.Mixed, required: true, default: () => structuredClone(DEFAULT_WIDGET_SETTINGS) },
    /** Verified identity: widget sessions need an identity token signed with the site's secret. */
    requireVerifiedIdentity: { type: Boolean, default: false },
  },
  { timestamps: true, minimize: false },
);

export type SiteDoc = Omit<
  InferSchemaType<typeof siteSchema>,
  "supportHours" | "tickets" | "supervision" | "visitorGone" | "widget"
> & {
  _id: Types.ObjectId;
  supportHours: SupportCalendar;
  /** Absent on sites stored before tickets existed: read through ticketSettingsOf. */
  tickets?: TicketSettings;
  /** Absent on sites stored before supervision existed: read through supervisionSettingsOf. */
  supervision?: SupervisionSettings;
  /** Absent on sites stored before these settings existed: read through visitorGoneSettingsOf. */
  visitorGone?: VisitorGoneSettings;
  /** Absent on sites stored before theming existed: read through widgetSettingsOf. */
  widget?: WidgetSettings;
};

const writeListeners: Array<() => void> = [];
/** Told after every write through this model in this process (the site cache forgets what it holds). */
export function onSiteWritten(listener: () => void): void {
  writeListeners.push(listener);
}
const written = () => {
  for (const listener of writeListeners) listener();
};
siteSchema.post("save", written);
siteSchema.post(["updateOne", "updateMany", "findOneAndUpdate", "replaceOne", "deleteOne", "deleteMany"], written);

export const Site = model("Site", siteSchema);
