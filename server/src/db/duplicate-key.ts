const DUPLICATE_KEY = 11000;

/** A unique-index violation. FerretDB's carry no index name, so callers never ask which index. */
export const isDuplicateKey = (err: unknown): boolean =>
  typeof err === "object" && err !== null && (err as { code?: unknown }).code === DUPLICATE_KEY;
