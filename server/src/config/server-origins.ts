/** The origins under which browsers reach this server: the console's and the demo page's. */
export interface ServerOrigins {
  /** Assumed for same-origin requests, which carry no Origin header. */
  primary: string;
  all: readonly string[];
}

export function serverOrigins(publicUrl: string | undefined, port: number): ServerOrigins {
  if (publicUrl) {
    const origin = new URL(publicUrl).origin;
    return { primary: origin, all: [origin] };
  }
  // Without PUBLIC_URL this is a local run: both loopback spellings reach us.
  const primary = `http://localhost:${port}`;
  return { primary, all: [primary, `http://127.0.0.1:${port}`] };
}
