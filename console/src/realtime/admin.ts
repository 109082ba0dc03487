import type {
  AgentCreateInput,
  AgentUpdateInput,
  ApiKeyCreatedDto,
  ApiKeyCreateInput,
  ApiKeyDto,
  OutboxEmailDto,
  ProductsUpdateInput,
  SiteIdentityDto,
  SiteSettingsDto,
  SiteUpdateInput,
  TeamMemberDto,
} from "@parley/shared";
import type { RealtimeContext } from "./context.ts";
import type { SiteSync } from "./site.ts";
import { type CommandResult, command } from "./socket.ts";
import type { TeamSync } from "./team.ts";

/**
 * Admin commands. Each form shows its own outcome, so results are returned; what they changed is applied
 * at once rather than waiting for the broadcast (which may come later, or, for a new agent, not at all).
 */
export class Admin {
  constructor(
    private readonly ctx: RealtimeContext,
    private readonly team: TeamSync,
    private readonly site: SiteSync,
  ) {}

  async createAgent(input: AgentCreateInput): Promise<CommandResult<{ agent: TeamMemberDto }>> {
    const result = await command(this.ctx.socket, "agent:create", input);
    if (result.ok) this.team.onMember(result.data.agent);
    return result;
  }

  async updateAgent(input: AgentUpdateInput): Promise<CommandResult<{ agent: TeamMemberDto }>> {
    const result = await command(this.ctx.socket, "agent:update", input);
    if (result.ok) this.team.onMember(result.data.agent);
    return result;
  }

  /** Emails the agent a reset link and signs them out everywhere; their row does not change. */
  resetPassword(agentId: string): Promise<CommandResult<{ agent: TeamMemberDto }>> {
    return command(this.ctx.socket, "agent:reset-password", { agentId });
  }

  async updateProducts(input: ProductsUpdateInput): Promise<CommandResult<{ site: SiteSettingsDto }>> {
    const result = await command(this.ctx.socket, "products:update", input);
    if (result.ok) this.site.onSettings(result.data.site);
    return result;
  }

  async updateSite(input: SiteUpdateInput): Promise<CommandResult<{ site: SiteSettingsDto }>> {
    const result = await command(this.ctx.socket, "site:update", input);
    if (result.ok) this.site.onSettings(result.data.site);
    return result;
  }

  /** Verified identity: the secret the site's own server signs identity tokens with. */
  identitySecret(): Promise<CommandResult<SiteIdentityDto>> {
    return command(this.ctx.socket, "site:identity", {});
  }

  /** A new secret: tokens signed with the old one stop working at once. */
  rotateIdentitySecret(): Promise<CommandResult<SiteIdentityDto>> {
    return command(this.ctx.socket, "site:identity-rotate", {});
  }

  /** Emails of this site not delivered yet (the server keeps and retries them). */
  listUndeliveredEmails(): Promise<CommandResult<{ emails: OutboxEmailDto[] }>> {
    return command(this.ctx.socket, "email:outbox", {});
  }

  retryEmail(emailId: string): Promise<CommandResult<{ emails: OutboxEmailDto[] }>> {
    return command(this.ctx.socket, "email:retry", { emailId });
  }

  // REST API keys: answered to this admin only; the secret comes once, in the create answer.
  listApiKeys(): Promise<CommandResult<{ keys: ApiKeyDto[] }>> {
    return command(this.ctx.socket, "api-key:list", {});
  }

  createApiKey(input: ApiKeyCreateInput): Promise<CommandResult<ApiKeyCreatedDto>> {
    return command(this.ctx.socket, "api-key:create", input);
  }

  revokeApiKey(keyId: string): Promise<CommandResult<{ key: ApiKeyDto }>> {
    return command(this.ctx.socket, "api-key:revoke", { keyId });
  }
}
