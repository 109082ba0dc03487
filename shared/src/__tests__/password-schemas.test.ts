import { describe, expect, it } from "vitest";
import { AgentCreateInput } from "../schemas/admin.ts";
import { PasswordChangeRequest, PasswordResetInput, PasswordResetRequest } from "../schemas/password.ts";

const token = "A".repeat(43);

describe("password schemas", () => {
  it("should ask the same of a new password wherever it is set, and never trim it", () => {
    const agent = { name: "Ana", email: "ana@example.test", role: "agent", capacity: 1, products: [] };
    for (const password of ["123456789", " ".repeat(9)]) {
      expect(AgentCreateInput.safeParse({ ...agent, password }).success).toBe(false);
      expect(PasswordResetInput.safeParse({ token, password }).success).toBe(false);
      expect(PasswordChangeRequest.safeParse({ currentPassword: "x", newPassword: password }).success).toBe(false);
    }
    expect(PasswordResetInput.parse({ token, password: " ten chars " }).password).toBe(" ten chars ");
    expect(PasswordChangeRequest.parse({ currentPassword: " x ", newPassword: "0123456789" })).toEqual({
      currentPassword: " x ",
      newPassword: "0123456789",
    });
  });

  it("should take a lowercased email for a reset request, and nothing but strings", () => {
    expect(PasswordResetRequest.parse({ email: " Ana@Example.TEST " })).toEqual({ email: "ana@example.test" });
    expect(PasswordResetRequest.safeParse({ email: { $ne: null } }).success).toBe(false);
    expect(PasswordResetRequest.safeParse({ email: "ana@example.test", extra: 1 }).success).toBe(false);
    expect(PasswordResetInput.safeParse({ token: "not a token", password: "0123456789" }).success).toBe(false);
  });
});
