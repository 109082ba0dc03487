import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signIdentityToken, verifyIdentityToken } from "../identity-token.ts";

// A fixed vector, computed once outside this code (Node's crypto, Python's hmac and `openssl dgst -hmac` agree on it),
// so a change to the token format cannot pass by changing signer and verifier together.
const SECRET = "s3cr3t-identity-key-for-tests";
const CLAIMS = { userId: "user-42", email: "vera@example.test", name: "Vera Visitor", exp: 1_800_000_000 };
const PAYLOAD =
  "eyJ1c2VySWQiOiJ1c2VyLTQyIiwiZW1haWwiOiJ2ZXJhQGV4YW1wbGUudGVzdCIsIm5hbWUiOiJWZXJhIFZpc2l0b3IiLCJleHAiOjE4MDAwMDAwMDB9";
const TOKEN = `${PAYLOAD}.YYFNCF3J1Q1iwa_ri8SBl15jzyUD8do3WaWvfa5WY8A`;
/** One hour before `exp`: the injected clock. */
const NOW_MS = (CLAIMS.exp - 3600) * 1000;

const encode = (claims: object) => Buffer.from(JSON.stringify(claims)).toString("base64url");

describe("identity token", () => {
  it("should sign exactly the documented format", () => {
    expect(signIdentityToken(CLAIMS, SECRET)).toBe(TOKEN);
  });

  it("should accept a good token and hand back its claims", () => {
    expect(verifyIdentityToken(TOKEN, SECRET, NOW_MS)).toEqual({ ok: true, claims: CLAIMS });
  });

  it("should refuse a token signed with another secret (a rotated one)", () => {
    expect(verifyIdentityToken(TOKEN, `${SECRET}-rotated`, NOW_MS)).toEqual({ ok: false, reason: "signature" });
  });

  it("should refuse a tampered payload: another userId under the original signature", () => {
    const tampered = `${encode({ ...CLAIMS, userId: "user-43" })}.${TOKEN.split(".")[1]}`;
    expect(verifyIdentityToken(tampered, SECRET, NOW_MS)).toEqual({ ok: false, reason: "signature" });
  });

  it("should refuse a tampered signature", () => {
    const flipped = `${TOKEN.slice(0, -1)}${TOKEN.endsWith("A") ? "B" : "A"}`;
    expect(verifyIdentityToken(flipped, SECRET, NOW_MS)).toEqual({ ok: false, reason: "signature" });
    expect(verifyIdentityToken(`${PAYLOAD}.short`, SECRET, NOW_MS)).toEqual({ ok: false, reason: "signature" });
    expect(verifyIdentityToken(PAYLOAD, SECRET, NOW_MS)).toEqual({ ok: false, reason: "malformed" });
  });

  it("should refuse an expired token, from the second of its exp on", () => {
    expect(verifyIdentityToken(TOKEN, SECRET, CLAIMS.exp * 1000 - 1)).toMatchObject({ ok: true });
    expect(verifyIdentityToken(TOKEN, SECRET, CLAIMS.exp * 1000)).toEqual({ ok: false, reason: "expired" });
  });

  it("should refuse an exp more than 24 hours ahead of the clock", () => {
    const dayAhead = CLAIMS.exp * 1000 - 24 * 3600 * 1000;
    expect(verifyIdentityToken(TOKEN, SECRET, dayAhead)).toMatchObject({ ok: true });
    expect(verifyIdentityToken(TOKEN, SECRET, dayAhead - 1000)).toEqual({ ok: false, reason: "too-long" });
  });

  it("should refuse well-signed claims that are not exactly the documented fields", () => {
    for (const claims of [
      { ...CLAIMS, admin: true },
      { email: "a@example.test", exp: CLAIMS.exp },
      { ...CLAIMS, exp: "soon" },
    ]) {
      const payload = encode(claims);
      const signed = `${payload}.${createHmac("sha256", SECRET).update(payload).digest("base64url")}`;
      expect(verifyIdentityToken(signed, SECRET, NOW_MS)).toEqual({ ok: false, reason: "malformed" });
    }
  });
});
