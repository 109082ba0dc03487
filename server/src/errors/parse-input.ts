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
  // Every problem goes back, so an admin form can mark each field; the message leads with the first.
  const listed = issues.slice(0, 20).map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
  const first = listed[0];
  const where = first?.path ? `${first.path}: ` : "";
  throw new AppError("BAD_REQUEST", `${where}${first?.message ?? "invalid input"}`, { issues: listed });
}
