import { z } from "zod";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "../constants.ts";
import { Email, ObjectIdString, OpaqueToken } from "./primitives.ts";

/** A password being set: by an admin for a new agent, by its owner on a change or a reset. Not trimmed. */
export const NewPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `password must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH);

/** POST /api/auth/password: the signed-in agent changes their own password. */
export const PasswordChangeRequest = z.strictObject({
  currentPassword: z.string().min(1, "current password is required").max(MAX_PASSWORD_LENGTH),
  newPassword: NewPassword,
});
export type PasswordChangeRequest = z.infer<typeof PasswordChangeRequest>;

/** POST /api/auth/reset-request: "Forgot password?". */
export const PasswordResetRequest = z.strictObject({ email: Email });
export type PasswordResetRequest = z.infer<typeof PasswordResetRequest>;

/** POST /api/auth/reset: the token from the emailed link, and the new password. */
export const PasswordResetInput = z.strictObject({ token: OpaqueToken, password: NewPassword });
export type PasswordResetInput = z.infer<typeof PasswordResetInput>;

/** `agent:reset-password` (admins): email the agent a reset link and sign them out everywhere. */
export const AgentResetPasswordInput = z.strictObject({ agentId: ObjectIdString });
export type AgentResetPasswordInput = z.infer<typeof AgentResetPasswordInput>;
