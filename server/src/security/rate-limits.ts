import { LoginThrottle } from "../agents/login-throttle.ts";
import { TokenBuckets } from "./token-buckets.ts";

/**
 * Every limit of one server, on the server's clock: tests pass a ManualClock, so no limit depends on how fast
 * the machine runs the requests (a bucket refilling while a slow loop runs made a test flaky, issue 10).
 */
export interface RateLimits {
  /**
   * Per visitor: a burst of 60 events, then 2 a second (config VISITOR_EVENT_BURST, VISITOR_EVENT_RATE). A person
   * typing, a resync and an outbox flush stay inside.
   */
  visitorEvents: TokenBuckets;
  /**
   * New visitor sessions per client address: generous (an office or a mobile carrier puts many visitors behind one
   * address), but a loop minting sessions to fill the database is cut off.
   */
  visitorSessions: TokenBuckets;
  /** Per visitor: 20 files at once (a few screenshots and logs), then one every 10 seconds. */
  visitorUploads: TokenBuckets;
  /** New offline requests per visitor: 5 at once, then one every two minutes. */
  offlineRequests: TokenBuckets;
  /** Failed sign-ins: 5 per email and 30 per address in 15 minutes. */
  signIns: LoginThrottle;
}

export function createRateLimits(
  now: () => number,
  visitorEvents: { capacity: number; perSecond: number } = { capacity: 60, perSecond: 2 },
): RateLimits {
  return {
    visitorEvents: new TokenBuckets(visitorEvents, now),
    visitorSessions: new TokenBuckets({ capacity: 200, perSecond: 5 }, now),
    visitorUploads: new TokenBuckets({ capacity: 20, perSecond: 0.1 }, now),
    offlineRequests: new TokenBuckets({ capacity: 5, perSecond: 1 / 120 }, now),
    signIns: new LoginThrottle({ perEmail: 5, perAddress: 30, windowMs: 15 * 60_000 }, now),
  };
}
