import type {
  WebhookCreateInput,
  WebhookDeliveryDto,
  WebhookEndpointDto,
  WebhookSecretDto,
  WebhookUpdateInput,
} from "@parley/shared";
import { type AgentSocket, type CommandResult, command } from "./socket.ts";

/**
 * The Admin page's webhook commands. Nothing here is kept in the session's store: only the Webhooks
 * section shows these, and it loads them when it opens.
 */
export class WebhookAdmin {
  constructor(private readonly socket: AgentSocket) {}

  list(): Promise<CommandResult<{ endpoints: WebhookEndpointDto[] }>> {
    return command(this.socket, "webhook:list", {});
  }

  /** Answers the secret: the one time it is shown. */
  create(input: WebhookCreateInput): Promise<CommandResult<WebhookSecretDto>> {
    return command(this.socket, "webhook:create", input);
  }

  update(input: WebhookUpdateInput): Promise<CommandResult<{ endpoint: WebhookEndpointDto }>> {
    return command(this.socket, "webhook:update", input);
  }

  remove(endpointId: string): Promise<CommandResult<{ id: string }>> {
    return command(this.socket, "webhook:delete", { endpointId });
  }

  rotateSecret(endpointId: string): Promise<CommandResult<WebhookSecretDto>> {
    return command(this.socket, "webhook:rotate-secret", { endpointId });
  }

  deliveries(endpointId: string): Promise<CommandResult<{ deliveries: WebhookDeliveryDto[] }>> {
    return command(this.socket, "webhook:deliveries", { endpointId });
  }

  redeliver(endpointId: string, deliveryId: string): Promise<CommandResult<{ delivery: WebhookDeliveryDto }>> {
    return command(this.socket, "webhook:redeliver", { endpointId, deliveryId });
  }

  ping(endpointId: string): Promise<CommandResult<{ delivery: WebhookDeliveryDto }>> {
    return command(this.socket, "webhook:ping", { endpointId });
  }
}
