import { PASSWORD_RESET_TTL_MINUTES } from "@parley/shared/constants";
import type { Mailer } from "../email/mail.ts";
import { passwordResetEmail } from "../email/password-reset-email.ts";
import { AppError } from "../errors/app-error.ts";
import type { Logger } from "../logging/logger.ts";
import type { InflightTracker } from "../realtime/inflight.ts";
import { cachedSite } from "../sites/site-cache.ts";
import { Agent, type AgentDoc } from "./agent.model.ts";
import { type AgentSocketCutter, endOtherAccess, replacePassword } from "./password-change.ts";
import { issueResetToken, redeemResetToken } from "./password-reset-tokens.ts";

export interface PasswordResetDeps {
  mailer: Mailer;
  /** SMTP_URL is set: without it no link can reach anyone, so resets are refused rather than silently lost. */
  emailEnabled: boolean;
  /** The origin the console is served from (PUBLIC_URL), which the link points at. */
  origin: () => string;
  /** The server's now: when a link expires (tests move it by hand). */
  clock: () => Date;
  logger: Logger;
  /** Work after the answer is counted here, so a shutdown lets it finish. */
  inflight: InflightTracker;
  cutSockets: AgentSocketCutter;
}

const NO_EMAIL = "Password reset by email is not set up on this server. Ask an admin to set your password.";
const BAD_LINK = "This reset link is not valid: it was used already, or it expired. Ask for a new one.";

/** Path of the console page that takes the token; the token rides in the fragment (see linkFor). */
export const RESET_PAGE_PATH = "/console/reset-password";

/** Password reset links: asked for by the agent ("Forgot password?") or by an admin, then redeemed once. */
export class PasswordResets {
  constructor(private readonly deps: PasswordResetDeps) {}

  /**
   * "Forgot password?": emails a link when the address is an enabled agent's. Returns before looking the
   * address up, so the answer and how long it takes are the same whether or not the account exists; the lookup,
   * the stored token and the email happen after the answer.
   */
  request(email: string): void {
    this.requireEmail();
    void this.deps.inflight
      .run(async () => {
        const agent = await Agent.findOne({ email, disabled: false }).lean<AgentDoc>();
        if (agent) await this.sendLink(agent, null);
      })
      .catch((err: unknown) => this.deps.logger.warn({ err }, "password reset link not sent"));
  }

  /**
   * An admin's forced reset: the agent gets a link and is signed out everywhere now. Their password keeps working
   * until they use the link, so an email that goes astray never locks them out for good.
   */
  async force(agent: AgentDoc, admin: AgentDoc): Promise<void> {
    this.requireEmail();
    await this.sendLink(agent, admin.name);
    await endOtherAccess(agent._id, this.deps.cutSockets);
    this.deps.logger.info(
      { event: "password_reset_forced", agentId: agent._id.toHexString(), by: admin._id.toHexString() },
      "password reset forced by an admin",
    );
  }

  /**
   * Sets the password a link was issued for. Single use: the token is gone whatever happens next. Every session
   * of the agent ends, and every other link with it.
   */
  async redeem(token: string, password: string): Promise<void> {
    const agentId = await redeemResetToken(token, this.deps.clock());
    // A link of an agent disabled since it was sent must not bring the account back into use.
    const agent = agentId ? await Agent.findById(agentId).lean<AgentDoc>() : null;
    if (!agent || agent.disabled) throw new AppError("BAD_REQUEST", BAD_LINK);
    await replacePassword(agent._id, password, this.deps.cutSockets);
    this.deps.logger.info({ event: "password_reset", agentId: agent._id.toHexString() }, "password reset by link");
  }

  private requireEmail(): void {
    if (!this.deps.emailEnabled) throw new AppError("UNAVAILABLE", NO_EMAIL);
  }

  private async sendLink(agent: AgentDoc, requestedBy: string | null): Promise<void> {
    const token = await issueResetToken(agent._id, this.deps.clock());
    const site = await cachedSite(agent.site);
    // A send never throws (Mailer), and its outcome is logged by the mailer; the caller does not wait for SMTP.
    void this.deps.mailer.send(
      passwordResetEmail({
        to: agent.email,
        name: agent.name,
        siteName: site?.name ?? "Parley",
        link: this.linkFor(token),
        validMinutes: PASSWORD_RESET_TTL_MINUTES,
        requestedBy,
      }),
    );
    this.deps.logger.info({ event: "password_reset_issued", agentId: agent._id.toHexString() }, "reset link issued");
  }

  /**
   * The token goes in the fragment, which browsers never send: it stays out of the server's and any proxy's
   * access logs, and out of the Referer of whatever the page loads.
   */
  private linkFor(token: string): string {
    return `${this.deps.origin()}${RESET_PAGE_PATH}#token=${token}`;
  }
}
