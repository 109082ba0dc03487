import type { CannedResponseDto } from "@parley/shared";
import type { CannedResponseDoc } from "./canned-response.model.ts";

export function toCannedDto(c: CannedResponseDoc): CannedResponseDto {
  return {
    id: c._id.toHexString(),
    scope: c.owner ? "personal" : "site",
    shortcut: c.shortcut,
    title: c.title,
    body: c.body,
    useCount: c.useCount,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}
