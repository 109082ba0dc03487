import type { IncomingHttpHeaders } from "node:http";
import express from "express";
import type { Redis } from "ioredis";
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import type { Config } from "../config/config.ts";
import { LoginThrottle } from "./login-throttle.ts";

/** One limit, counted per key (a visitor, an address). */
export interface Limit {
  /**
   * Counts one action for `key`; false when the key is over its limit. Never rejects: a limiter that cannot
   * count lets the action through rather than refusing every visitor.
   */
  take(key: string): Promise<boolean>;
}

/**
 * Every limit of one server. Each is a fixed window that starts at a key's first action: `capacity` actions,
 * then none until the window of `capacity / perSecond` seconds ends. That is the average of the token bucket
 * these numbers describe and the same burst, but a key that used its burst waits for the end of the window
 * instead of getting one action back every `1 / perSecond` seconds.
 */
export interface RateLimits {
  /** Visitors' socket events; an event must pass all three, taken in this order. */
  visitorEvents: {
    /**
     * Per visitor: a burst of 60 events in 30 seconds (config VISITOR_EVENT_BURST, VISITOR_EVENT_RATE). A person
     * typing, a resync and an outbox flush stay inside.
     */
    perVisitor: Limit;
    /**
     * Per client address: ten visitors' worth (600 in 30 seconds by default), so that fresh tokens minted by one
     * client share one budget instead of each bringing its own, while an office behind one address (dozens of
     * people chatting at a person's pace) stays inside.
     */
    perAddress: Limit;
    /**
     * Per site: 250 visitors' worth (15,000 in 30 seconds by default, 500 a second), a ceiling on what a flood
     * spread over many addresses can make the server do for one site; far above a busy site's own traffic.
     */
    perSite: Limit;
  };
  /** New visitor sessions (tokens); a session must pass both. */
  visitorSessions: {
    /**
     * Per client address: 200 in 40 seconds. Generous (an office or a mobile carrier puts many visitors behind one
     * address), but a loop minting sessions to fill the database is cut off.
     */
    perAddress: Limit;
    /**
     * Per site: 1,000 in 40 seconds (25 a second), however many addresses ask: bounds how fast a flood spread
     * over many addresses can fill the database, far above the rate at which a site sees new visitors.
     */
    perSite: Limit;
  };
  /**
   * Typing signals, per sender (a visitor or a staff member): 20 in 20 seconds. A client says "typing"
   * at most every 3 s and "stopped" on send or blur, so a person stays far inside; a loop is cut off before it
   * floods the other side.
   */
  typing: Limit;
  /** Per visitor: 20 files (a few screenshots and logs) in 200 seconds. */
  visitorUploads: Limit;
  /** New offline requests per visitor: 5 in 10 minutes. */
  offlineRequests: Limit;
  /** REST API requests per key: 600 in 60 seconds by default (config API_KEY_BURST, API_KEY_RATE). */
  apiRequests: Limit;
  /**
   * Emails to the support address per sender (the SMTP envelope's): 30 in 10 minutes. A person writing
   * tickets and replies stays far inside; a mail loop or a flood from one address is deferred (451), and the
   * sending server tries again later.
   */
  inboundMailPerSender: Limit;
  /**
   * Failed sign-ins (security/login-throttle.ts): 5 per email from one address in 15 minutes, then that address waits
   * out the window for that email; 30 per address across emails in 15 minutes; and per email from every address,
   * 100 in an hour, past which each failure makes the email wait before its next attempt: 1 s, then twice as long
   * each time, up to 5 minutes.
   */
  signIns: LoginThrottle;
  /**
   * Password resets (agents/password.routes.ts). A wrong current password on a change counts as a failed sign-in
   * (`signIns`) instead.
   */
  passwordResets: {
    /**
     * Links asked for one email: 5 an hour, counted whether or not the email has an account (so the answer
     * cannot tell them apart), which keeps anyone from filling an agent's inbox.
     */
    requestsPerEmail: Limit;
    /** Links asked from one client address across emails: 20 an hour. */
    requestsPerAddress: Limit;
    /**
     * Links tried from one client address: 20 in 15 minutes. A token is 256 random bits, so guessing is hopeless
     * anyway; this bounds the work (each try that passes hashes a password).
     */
    attemptsPerAddress: Limit;
  };
}

export interface RateLimitOptions {
  visitorEvents: { capacity: number; perSecond: number };
  apiRequests?: { capacity: number; perSecond: number };
  /**
   * Counts every limit in Redis, so that several server processes share them. Until the client is ready, and
   * whenever Redis fails, each process counts on its own in memory: a Redis outage loosens the limits, it never
   * stalls or refuses requests. Without it, limits are kept in this process's memory only.
   */
  redis?: Redis;
  /** Prefix of the Redis keys; each limit adds its own name. Default `parley:rl`. */
  keyPrefix?: string;
}

export function createRateLimits(options: RateLimitOptions): RateLimits {
  const prefix = options.keyPrefix ?? "parley:rl";
  const counter = (name: string, points: number, duration: number): RateLimiterAbstract => {
    const rule = { points, duration, keyPrefix: `${prefix}:${name}` };
    if (!options.redis) return new RateLimiterMemory(rule);
    return new RateLimiterRedis({
      ...rule,
      storeClient: options.redis,
      insuranceLimiter: new RateLimiterMemory(rule),
      // Otherwise, while Redis is down, ioredis queues each command through its reconnection attempts and every
      // visitor event waits for them before the insurance limiter answers.
      rejectIfRedisNotReady: true,
    });
  };
  const window = (name: string, rule: { capacity: number; perSecond: number }): Limit =>
    limit(counter(name, rule.capacity, Math.max(1, Math.ceil(rule.capacity / rule.perSecond))));
  const signInWindow = 15 * 60;
  // The address's and the site's event budgets are so many visitors' worth, over the same window.
  const visitors = (n: number) => ({
    capacity: n * options.visitorEvents.capacity,
    perSecond: n * options.visitorEvents.perSecond,
  });
  return {
    visitorEvents: {
      perVisitor: window("visitor-events", options.visitorEvents),
      perAddress: window("visitor-events-address", visitors(10)),
      perSite: window("visitor-events-site", visitors(250)),
    },
    visitorSessions: {
      perAddress: window("visitor-sessions", { capacity: 200, perSecond: 5 }),
      perSite: window("visitor-sessions-site", { capacity: 1000, perSecond: 25 }),
    },
    typing: window("typing", { capacity: 20, perSecond: 1 }),
    visitorUploads: window("visitor-uploads", { capacity: 20, perSecond: 0.1 }),
    offlineRequests: window("offline-requests", { capacity: 5, perSecond: 1 / 120 }),
    apiRequests: window("api-requests", options.apiRequests ?? { capacity: 600, perSecond: 10 }),
    inboundMailPerSender: window("inbound-mail-sender", { capacity: 30, perSecond: 30 / 600 }),
    signIns: new LoginThrottle({
      perPair: counter("sign-in-failures-pair", 5, signInWindow),
      perAddress: counter("sign-in-failures-address", 30, signInWindow),
      perEmail: counter("sign-in-failures-email", 100, 60 * 60),
      emailBackoff: counter("sign-in-backoff-email", 1, 5 * 60),
      backoff: { firstSeconds: 1, maxSeconds: 5 * 60 },
    }),
    passwordResets: {
      requestsPerEmail: window("password-reset-email", { capacity: 5, perSecond: 5 / 3600 }),
      requestsPerAddress: window("password-reset-address", { capacity: 20, perSecond: 20 / 3600 }),
      attemptsPerAddress: window("password-reset-attempts", { capacity: 20, perSecond: 20 / 900 }),
    },
  };
}

function limit(counter: RateLimiterAbstract): Limit {
  return {
    // The library rejects with a RateLimiterRes when the key is over; anything else is a store error that the
    // insurance limiter did not absorb, and is let through.
    take: (key) =>
      counter.consume(key).then(
        () => true,
        (err: unknown) => !(err instanceof RateLimiterRes),
      ),
  };
}

/**
 * The client address of a socket's handshake as Express's `req.ip` would give it with the same `trust proxy`
 * setting (config TRUST_PROXY): behind a load balancer the client it forwards for, otherwise the peer. A client's
 * sockets and its HTTP requests then count against the same address.
 */
export function clientAddressOf(
  trustProxy: Config["trustProxy"],
): (peer: string, headers: IncomingHttpHeaders) => string {
  if (trustProxy === false) return (peer) => peer;
  // Express's own getter (proxy-addr over X-Forwarded-For), so that sockets read the header exactly as requests do.
  const app = express();
  app.set("trust proxy", trustProxy);
  return (peer, headers) => {
    const req = Object.create(app.request, {
      headers: { value: headers },
      socket: { value: { remoteAddress: peer } },
    }) as { ip: string | undefined };
    return req.ip || peer;
  };
}
