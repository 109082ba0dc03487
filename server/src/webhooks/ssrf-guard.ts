import { lookup as dnsLookup } from "node:dns/promises";
import type { LookupFunction } from "node:net";
import { isIP } from "node:net";

/**
 * Outgoing webhooks must not become a way into the server's own network (SSRF): outside development, a request goes
 * only to public addresses. Every address a host resolves to is checked, IPv4 and IPv6 alike (an IPv6 address that
 * carries an IPv4 one, such as ::ffff:127.0.0.1, is checked as that IPv4 address), and the connection is made to the
 * address that was checked: the lookup below is the socket's own, so a second DNS answer (rebinding) is never used.
 */

type Range = readonly [bytes: readonly number[], bits: number];

/** Private, loopback, link-local, unspecified, shared (CGNAT), multicast, reserved and documentation ranges. */
const V4_FORBIDDEN: readonly Range[] = [
  [[0], 8],
  [[10], 8],
  [[100, 64], 10],
  [[127], 8],
  [[169, 254], 16],
  [[172, 16], 12],
  [[192, 0, 0], 24],
  [[192, 0, 2], 24],
  [[192, 88, 99], 24],
  [[192, 168], 16],
  [[198, 18], 15],
  [[198, 51, 100], 24],
  [[203, 0, 113], 24],
  [[224], 4],
  [[240], 4],
];
const V6_FORBIDDEN: readonly Range[] = [
  [[], 128], // :: (unspecified), matched exactly below
  [[0xfc], 7], // unique local
  [[0xfe, 0x80], 10], // link-local
  [[0xfe, 0xc0], 10], // site-local (deprecated)
  [[0xff], 8], // multicast
  [[0x01, 0x00, 0, 0, 0, 0, 0, 0], 64], // discard-only
  [[0x20, 0x01, 0x0d, 0xb8], 32], // documentation
  [[0x20, 0x01, 0, 0], 32], // Teredo: tunnels to an address that cannot be checked here
];

function inRange(bytes: readonly number[], [prefix, bits]: Range): boolean {
  for (let bit = 0; bit < bits; bit++) {
    const i = bit >> 3;
    const mask = 0x80 >> (bit & 7);
    if (((bytes[i] ?? 0) & mask) !== ((prefix[i] ?? 0) & mask)) return false;
  }
  return true;
}

function v4Bytes(address: string): number[] | null {
  const parts = address.split(".");
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return null;
  return parts.map(Number);
}

/** An IPv6 address as 16 bytes; accepts `::` shorthand, a trailing dotted IPv4 part and a zone (`%eth0`). */
function v6Bytes(address: string): number[] | null {
  let text = address.replace(/^\[|\]$/g, "").split("%")[0] ?? "";
  let tail: number[] = [];
  const dotted = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  if (dotted?.[1]) {
    const v4 = v4Bytes(dotted[1]);
    if (!v4) return null;
    tail = v4;
    text = `${text.slice(0, -dotted[1].length)}0:0`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const words = (s: string) => (s === "" ? [] : s.split(":"));
  const head = words(halves[0] ?? "");
  const rest = halves.length === 2 ? words(halves[1] ?? "") : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...rest];
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return null;
  const bytes = groups.flatMap((g) => [parseInt(g, 16) >> 8, parseInt(g, 16) & 0xff]);
  if (tail.length === 4) bytes.splice(12, 4, ...tail);
  return bytes;
}

const forbiddenV4 = (bytes: readonly number[]): boolean => V4_FORBIDDEN.some((r) => inRange(bytes, r));

function forbiddenV6(b: readonly number[]): boolean {
  const zeros = (from: number, to: number) => b.slice(from, to).every((x) => x === 0);
  if (zeros(0, 16)) return true; // ::
  if (zeros(0, 15) && b[15] === 1) return true; // ::1
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) carry an IPv4 address.
  if (zeros(0, 10) && ((b[10] === 0xff && b[11] === 0xff) || (b[10] === 0 && b[11] === 0)))
    return forbiddenV4(b.slice(12));
  if (inRange(b, [[0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0], 96])) return forbiddenV4(b.slice(12));
  if (b[0] === 0x20 && b[1] === 0x02) return forbiddenV4(b.slice(2, 6)); // 6to4
  return V6_FORBIDDEN.slice(1).some((r) => inRange(b, r));
}

/** Whether an outgoing request may not go to this address (anything unparsable is refused too). */
export function isForbiddenAddress(address: string): boolean {
  const kind = isIP(address.replace(/^\[|\]$/g, "").split("%")[0] ?? "");
  if (kind === 4) return forbiddenV4(v4Bytes(address) ?? [0]);
  const v6 = kind === 6 ? v6Bytes(address) : null;
  return v6 ? forbiddenV6(v6) : true;
}

export interface ResolvedAddress {
  address: string;
  family: number;
}
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** Why a request was not made: the host is, or resolves to, an address outgoing webhooks may not reach. */
export class ForbiddenAddressError extends Error {
  readonly code = "WEBHOOK_FORBIDDEN_ADDRESS";
}

/** The host of a URL without IPv6 brackets. */
export const hostOf = (url: URL): string => url.hostname.replace(/^\[|\]$/g, "");

/** Every address `hostname` resolves to, refused (ForbiddenAddressError) if any one is not public. */
export async function publicAddresses(
  hostname: string,
  resolve: Resolver = systemResolver,
): Promise<ResolvedAddress[]> {
  if (isIP(hostname)) {
    if (isForbiddenAddress(hostname)) throw new ForbiddenAddressError(`${hostname} is not a public address`);
    return [{ address: hostname, family: isIP(hostname) }];
  }
  const addresses = await resolve(hostname);
  if (addresses.length === 0) throw new Error(`${hostname} does not resolve`);
  const bad = addresses.find((a) => isForbiddenAddress(a.address));
  if (bad) throw new ForbiddenAddressError(`${hostname} resolves to ${bad.address}, which is not a public address`);
  return addresses;
}

/**
 * A `lookup` for the request's socket: it resolves, refuses unless every address is public, and hands the socket the
 * checked addresses themselves, so what is connected to is what was checked.
 */
export function guardedLookup(resolve: Resolver = systemResolver): LookupFunction {
  return (hostname, options, callback) => {
    publicAddresses(hostname, resolve).then(
      (all) => {
        const wanted =
          options.family === 4 || options.family === 6 ? all.filter((a) => a.family === options.family) : all;
        const first = wanted[0];
        if (!first) {
          callback(new Error(`${hostname} has no IPv${options.family} address`) as NodeJS.ErrnoException, "", 0);
          return;
        }
        if (options.all) (callback as unknown as (e: null, a: ResolvedAddress[]) => void)(null, wanted);
        else callback(null, first.address, first.family);
      },
      (err: NodeJS.ErrnoException) => callback(err, "", 0),
    );
  };
}
