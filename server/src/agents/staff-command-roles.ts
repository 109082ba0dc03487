import type { AgentClientToServerEvents } from "@parley/shared";
import type { AgentRole } from "@parley/shared/constants";

const EVERYONE: readonly AgentRole[] = ["agent", "supervisor", "admin"];
/** The wall, whispers, joining others' chats and the figures. */
const LEADS: readonly AgentRole[] = ["supervisor", "admin"];
/** Agent accounts, products, hours, routing and customers' contracts. */
const ADMINS: readonly AgentRole[] = ["admin"];

/**
 * Who may send each staff command, in one table that the command dispatcher enforces before any handler runs
 * (realtime/command-registry.ts): a new command must be listed here to compile, so none can forget its check.
 * Finer rules that depend on the data (whose chat, whose ticket) stay with the handlers.
 */
export const STAFF_COMMAND_ROLES: { readonly [K in keyof AgentClientToServerEvents]: readonly AgentRole[] } = {
  "inbox:sync": EVERYONE,
  "conversation:sync": EVERYONE,
  "conversation:accept": EVERYONE,
  "conversation:close": EVERYONE,
  "message:send": EVERYONE,
  // Typing and seen; whose chat is checked in the handlers.
  "conversation:read": EVERYONE,
  "typing:set": EVERYONE,
  "presence:set": EVERYONE,
  // Ringing
  "me:prefs": EVERYONE,
  "offer:decline": EVERYONE,
  "conversation:transfer": EVERYONE,
  "team:list": EVERYONE,
  "site:get": EVERYONE,
  "offline:list": EVERYONE,
  "agent:create": ADMINS,
  "agent:update": ADMINS,
  "agent:reset-password": ADMINS,
  "products:update": ADMINS,
  "site:update": ADMINS,
  "site:identity": ADMINS,
  "site:identity-rotate": ADMINS,
  "ticket:create": EVERYONE,
  "ticket:get": EVERYONE,
  "ticket:list": EVERYONE,
  "ticket:act": EVERYONE,
  "ticket:reply": EVERYONE,
  "ticket:escalate": EVERYONE,
  "customer:list": EVERYONE,
  "customer:save": ADMINS,
  // History: every staff member sees the site's closed chats (docs/console.md, "Who sees what": agents see colleagues'
  // chats).
  "history:search": EVERYONE,
  "visitor:history": EVERYONE,
  "wall:sync": LEADS,
  "conversation:whisper": LEADS,
  "conversation:join": LEADS,
  "stats:get": LEADS,
  "email:outbox": ADMINS,
  "email:retry": ADMINS,
  // Canned responses: site-wide ones are the admins', personal ones their owner's (handlers check).
  "canned:list": EVERYONE,
  "canned:save": EVERYONE,
  "canned:delete": EVERYONE,
  "canned:use": EVERYONE,
  // REST API keys
  "api-key:list": ADMINS,
  "api-key:create": ADMINS,
  "api-key:revoke": ADMINS,
  // Web conferences and manuals: any staff member of the site proposes; only admins edit the manuals.
  "meeting:list": EVERYONE,
  "meeting:propose": EVERYONE,
  "manuals:list": EVERYONE,
  "manuals:save": ADMINS,
  // Webhooks: endpoints, their secrets and delivery logs.
  "webhook:list": ADMINS,
  "webhook:create": ADMINS,
  "webhook:update": ADMINS,
  "webhook:delete": ADMINS,
  "webhook:rotate-secret": ADMINS,
  "webhook:deliveries": ADMINS,
  "webhook:redeliver": ADMINS,
  "webhook:ping": ADMINS,
};

export function mayRun(command: string, role: AgentRole): boolean {
  const roles = (STAFF_COMMAND_ROLES as Record<string, readonly AgentRole[] | undefined>)[command];
  return roles?.includes(role) ?? false;
}
