import { createHash, randomBytes } from "node:crypto";
import { WEBHOOK_PING, type WebhookDeliveryDto, type WebhookEventBody } from "@parley/shared";
import type { Leases } from "../cluster/leases.ts";
import { isDuplicateKey } from "../db/duplicate-key.ts";
import { AppError } from "../errors/app-error.ts";
import type { Logger } from "../logging/logger.ts";
import { toDeliveryDto, WebhookDelivery, type WebhookDeliveryDoc } from "./webhook-delivery.model.ts";
import { WebhookDue, type WebhookDueDoc } from "./webhook-due.model.ts";
import type { WebhookEndpointDoc } from "./webhook-endpoint.model.ts";
import type { WebhookEndpointStore } from "./webhook-endpoints.ts";
import { eventIdOf, toEventBody, type WebhookOccurrence } from "./webhook-events.ts";
import { type AttemptResult, postWebhook, type RequestPolicy } from "./webhook-request.ts";
import { DELIVERY_ID_HEADER, EVENT_ID_HEADER, EVENT_TYPE_HEADER, signWebhook } from "./webhook-signature.ts";

/** The first retry waits this long, each next one twice the last, up to MAX_WAIT_MS; none after RETRY_FOR_MS. */
const FIRST_WAIT_MS = 60_000;
const MAX_WAIT_MS = 60 * 60_000;
export const RETRY_FOR_MS = 24 * 60 * 60_000;
/** How long an attempt owns its delivery before a sweep may take it (an attempt cut short by a crash or a stop). */
const CLAIM_MS = 2 * 60_000;
const SWEEP_BATCH = 50;
const SWEEP_PARALLEL = 8;
const SWEEP_INTERVAL_MS = 5_000;
/** Finished deliveries stay in the log this long. */
const LOG_DAYS = 7;
const PRUNE_EVERY_MS = 60 * 60_000;
/** The log lists this many of an endpoint's latest deliveries. */
const LOG_PAGE = 50;

/** Waits between attempts: 1, 2, 4 … minutes, then hourly. */
export const backoffMs = (attempts: number): number =>
  Math.min(FIRST_WAIT_MS * 2 ** Math.max(0, attempts - 1), MAX_WAIT_MS);

/** `dlv_` and 32 hex digits of a hash of the event's and endpoint's ids: the same pair is always one delivery. */
export const deliveryIdOf = (eventId: string, endpointId: string): string =>
  `dlv_${createHash("sha256").update(`${eventId}|${endpointId}`).digest("hex").slice(0, 32)}`;

/**
 * Webhook deliveries that survive failures and restarts, shaped like the email outbox (email-outbox.ts): each is
 * stored before its first attempt, which this process makes at once; one that fails is tried again with growing
 * waits for up to 24 hours by a sweep that runs on one node at a time (its lease), each delivery claimed first so
 * two sweeps never send it twice. After that it stays in the log as failed, for an admin to redeliver.
 */
export class WebhookDispatcher {
  private timer: NodeJS.Timeout | undefined;
  private lastPrune = 0;
  private readonly inflight = new Set<Promise<unknown>>();

  constructor(
    private readonly endpoints: WebhookEndpointStore,
    private readonly opts: {
      clock: () => Date;
      leases: Leases;
      logger: Logger;
      policy: RequestPolicy;
    },
  ) {}

  /**
   * Stores the occurrence for each endpoint of its site that takes it, then makes the first attempts. Nothing is read
   * or built for a site without such endpoints but its cached list.
   */
  async publish(o: WebhookOccurrence): Promise<void> {
    const endpoints = (await this.endpoints.of(o.site)).filter((e) => e.enabled && e.events.includes(o.type));
    if (endpoints.length === 0) return;
    const event = toEventBody(o, this.opts.clock());
    await Promise.all(endpoints.map((e) => this.deliver(event, e)));
  }

  /** An admin's test: a `webhook.ping` to one endpoint now, answered with how it went. */
  async ping(site: string, endpointId: string): Promise<WebhookDeliveryDto> {
    const endpoint = await this.endpoints.one(site, endpointId);
    const now = this.opts.clock();
    const event: WebhookEventBody = {
      id: eventIdOf(WEBHOOK_PING, randomBytes(12).toString("hex")),
      type: WEBHOOK_PING,
      createdAt: now.toISOString(),
      siteId: site,
      data: { endpointId },
    };
    const delivery = await this.deliver(event, endpoint);
    return toDeliveryDto(delivery ?? (await this.read(site, deliveryIdOf(event.id, endpointId))));
  }

  /** An admin sends a delivery again now, whatever its state; it gets 24 hours of retries from now. */
  async redeliver(site: string, endpointId: string, deliveryId: string): Promise<WebhookDeliveryDto> {
    const delivery = await this.read(site, deliveryId);
    if (delivery.endpoint !== endpointId) throw new AppError("NOT_FOUND", "No such delivery");
    const now = this.opts.clock();
    const due: WebhookDueDoc = { _id: deliveryId, nextAttemptAt: new Date(now.getTime() + CLAIM_MS), since: now };
    await WebhookDue.updateOne({ _id: deliveryId }, { $set: due }, { upsert: true });
    await WebhookDelivery.updateOne({ _id: deliveryId }, { $set: { status: "pending", nextAttemptAt: now } });
    return toDeliveryDto(await this.attempt(due));
  }

  /** An endpoint's latest deliveries, newest first (the admin's log; a read of the pruned log, not a hot path). */
  async log(site: string, endpointId: string): Promise<WebhookDeliveryDto[]> {
    await this.endpoints.one(site, endpointId);
    const rows = await WebhookDelivery.find({ endpoint: endpointId, site })
      .sort({ createdAt: -1 })
      .limit(LOG_PAGE)
      .select({ body: 0 })
      .lean<WebhookDeliveryDoc[]>();
    return rows.map(toDeliveryDto);
  }

  start(): void {
    this.timer = setInterval(async () => {
      if (!(await this.opts.leases.hold("webhook-sweep", SWEEP_INTERVAL_MS * 3))) return;
      await this.sweep().catch((err) => this.opts.logger.warn({ err }, "webhook sweep failed"));
      await this.prune().catch((err) => this.opts.logger.warn({ err }, "webhook log prune failed"));
    }, SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  /** Stops the sweep and waits (briefly) for attempts under way; one cut short is taken again after its claim. */
  async stop(timeoutMs = 2_000): Promise<void> {
    clearInterval(this.timer);
    await Promise.race([Promise.allSettled([...this.inflight]), new Promise((r) => setTimeout(r, timeoutMs))]);
  }

  /** Tries every delivery whose wait is over, at the clock's time (tests call it after moving their clock). */
  async sweep(): Promise<number> {
    const now = this.opts.clock();
    const due = await WebhookDue.find({ nextAttemptAt: { $lte: now } })
      .limit(SWEEP_BATCH)
      .lean<WebhookDueDoc[]>();
    let tried = 0;
    // A few at a time: one endpoint that times out must not hold up every other site's deliveries.
    for (let i = 0; i < due.length; i += SWEEP_PARALLEL) {
      const batch = await Promise.all(due.slice(i, i + SWEEP_PARALLEL).map((d) => this.claimAndAttempt(d, now)));
      tried += batch.filter(Boolean).length;
    }
    return tried;
  }

  /** Claims the delivery (so no other sweep sends it meanwhile), then makes the attempt; false if another took it. */
  private async claimAndAttempt(d: WebhookDueDoc, now: Date): Promise<boolean> {
    const claimed = await WebhookDue.findOneAndUpdate(
      { _id: d._id, nextAttemptAt: d.nextAttemptAt },
      { $set: { nextAttemptAt: new Date(now.getTime() + CLAIM_MS) } },
      { returnDocument: "after" },
    ).lean<WebhookDueDoc>();
    if (!claimed) return false;
    await this.track(this.attempt(claimed)).catch((err) =>
      this.opts.logger.warn({ err, delivery: d._id }, "webhook attempt failed"),
    );
    return true;
  }

  private async prune(): Promise<void> {
    if (Date.now() - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = Date.now();
    const before = new Date(this.opts.clock().getTime() - LOG_DAYS * 24 * 60 * 60_000);
    await WebhookDelivery.deleteMany({ status: { $ne: "pending" }, createdAt: { $lt: before } });
  }

  /** Stores one event for one endpoint and makes its first attempt; an event already stored is left alone. */
  private async deliver(event: WebhookEventBody, endpoint: WebhookEndpointDoc): Promise<WebhookDeliveryDoc | null> {
    const now = this.opts.clock();
    const id = deliveryIdOf(event.id, endpoint._id);
    const delivery: WebhookDeliveryDoc = {
      _id: id,
      site: event.siteId,
      endpoint: endpoint._id,
      eventId: event.id,
      type: event.type,
      body: JSON.stringify(event),
      status: "pending",
      attempts: 0,
      responseStatus: null,
      durationMs: null,
      lastError: null,
      lastAttemptAt: null,
      nextAttemptAt: now,
      createdAt: now,
    };
    try {
      await WebhookDelivery.create(delivery);
    } catch (err) {
      if (isDuplicateKey(err)) return null;
      throw err;
    }
    // Claimed by this attempt from the start: a sweep elsewhere takes it only if this process dies first.
    const due: WebhookDueDoc = { _id: id, nextAttemptAt: new Date(now.getTime() + CLAIM_MS), since: now };
    await WebhookDue.create(due);
    return this.track(this.attempt(due, delivery));
  }

  private async attempt(due: WebhookDueDoc, known?: WebhookDeliveryDoc): Promise<WebhookDeliveryDoc> {
    const delivery = known ?? (await WebhookDelivery.findById(due._id).lean<WebhookDeliveryDoc>());
    if (!delivery) {
      await WebhookDue.deleteOne({ _id: due._id });
      throw new AppError("NOT_FOUND", "No such delivery");
    }
    const endpoint = (await this.endpoints.of(delivery.site)).find((e) => e._id === delivery.endpoint);
    const now = this.opts.clock();
    let result: AttemptResult;
    if (!endpoint) result = { ok: false, status: null, durationMs: 0, error: "The endpoint was deleted" };
    else if (!endpoint.enabled) result = { ok: false, status: null, durationMs: 0, error: "The endpoint is disabled" };
    else {
      const headers = {
        ...signWebhook(endpoint.secret, delivery.body, now),
        [EVENT_ID_HEADER]: delivery.eventId,
        [EVENT_TYPE_HEADER]: delivery.type,
        [DELIVERY_ID_HEADER]: delivery._id,
      };
      result = await postWebhook(endpoint.url, headers, delivery.body, this.opts.policy);
    }
    return this.settle(delivery, due, now, result, endpoint === undefined);
  }

  private async settle(
    delivery: WebhookDeliveryDoc,
    due: WebhookDueDoc,
    now: Date,
    result: AttemptResult,
    endpointGone: boolean,
  ): Promise<WebhookDeliveryDoc> {
    const attempts = delivery.attempts + 1;
    const next = new Date(now.getTime() + backoffMs(attempts));
    const giveUp = !result.ok && (endpointGone || next.getTime() > due.since.getTime() + RETRY_FOR_MS);
    const status: WebhookDeliveryDoc["status"] = result.ok ? "delivered" : giveUp ? "failed" : "pending";
    const set = {
      status,
      attempts,
      responseStatus: result.status,
      durationMs: result.durationMs,
      lastError: result.ok ? null : result.error,
      lastAttemptAt: now,
      nextAttemptAt: status === "pending" ? next : null,
    };
    await WebhookDelivery.updateOne({ _id: delivery._id }, { $set: set });
    if (status === "pending") await WebhookDue.updateOne({ _id: delivery._id }, { $set: { nextAttemptAt: next } });
    else await WebhookDue.deleteOne({ _id: delivery._id });
    if (!result.ok) {
      this.opts.logger.warn(
        { event: giveUp ? "webhook_gave_up" : "webhook_retry_scheduled", delivery: delivery._id, attempts },
        giveUp ? "webhook delivery kept as failed" : "webhook delivery will be retried",
      );
    }
    return { ...delivery, ...set };
  }

  private async read(site: string, deliveryId: string): Promise<WebhookDeliveryDoc> {
    const delivery = await WebhookDelivery.findById(deliveryId).lean<WebhookDeliveryDoc>();
    if (!delivery || delivery.site !== site) throw new AppError("NOT_FOUND", "No such delivery");
    return delivery;
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.inflight.add(work);
    const forget = () => this.inflight.delete(work);
    work.then(forget, forget);
    return work;
  }
}
