import { MAX_MESSAGE_LENGTH } from "@parley/shared/constants";
import type { z } from "zod";
import { AppError } from "./app-error.ts";

/**
 * Parses untrusted input with a shared schema. Over-long message bodies get their own
 * code so clients can tell the visitor exactly what to fix.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues;
  const tooLong = issues.find((i) => i.code === "too_big" && i.path.at(-1) === "body");
  if (tooLong) {
    throw new AppError("MESSAGE_TOO_LONG", `Message is longer than ${MAX_MESSAGE_LENGTH} characters`);
  }
  const first = issues[0];
  const where = first && first.path.length > 0 ? `${first.path.join(".")}: ` : "";
  throw new AppError("BAD_REQUEST", `${where}${first?.message ?? "invalid input"}`);
}
