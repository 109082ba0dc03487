/**
 * The server's notion of now, injected wherever a rule depends on time (SLA clocks, support hours, expiries), so
 * tests move it by hand (server/test/manual-clock.ts) instead of waiting. Production passes `() => new Date()`.
 */
export type Clock = () => Date;
