import type { VisitorClientToServerEvents } from "@parley/shared";
import { attachmentsFor } from "../attachments/attachment-links.ts";
import type { ConversationDoc } from "../conversations/conversation.model.ts";
import { visitorConversation } from "../conversations/conversation-access.ts";
import { toMessageDto, toVisitorConversationDto } from "../conversations/conversation-dto.ts";
import { visitorsConversation } from "../conversations/conversation-owners.ts";
import { conversationPage } from "../conversations/conversation-page.ts";
import { toObjectId } from "../db/object-id.ts";
import { withVerifiedProfile } from "../identity/verified-visitors.ts";
import type { HandlerGroup } from "../realtime/command-registry.ts";
import type { VisitorSocket } from "../realtime/namespaces.ts";
import { requireSiteProduct } from "../sites/site-products.ts";
import type { VisitorContext } from "../visitors/visitor-context.ts";
import type { RoutingSystem } from "./routing-system.ts";

type ChatEvents = "conversation:start" | "conversation:sync" | "message:send" | "site:availability";

export function visitorHandlers(
  routing: RoutingSystem,
): HandlerGroup<VisitorClientToServerEvents, VisitorContext, ChatEvents> {
  const { lifecycle, queue } = routing;

  /** A waiting visitor learns their place right after (re)connecting, not only at the next queue change. */
  const tellQueuePosition = (socket: VisitorSocket, conversation: ConversationDoc) => {
    if (conversation.status !== "queued") return;
    queue
      .statusOf(conversation)
      .then((status) => {
        if (status) socket.emit("queue:updated", status);
      })
      // Best effort: the next queue change sends a whole update anyway (and at shutdown the database is gone).
      .catch(() => undefined);
  };

  return {
    "conversation:start": async (input, { visitor, site, socket }) => {
      requireSiteProduct(site, input.product, "product");
      const asked = socket.data.verified ? await withVerifiedProfile(visitor._id, input) : input;
      const { conversation, message } = await lifecycle.start(visitor, asked, input.product ?? null);
      tellQueuePosition(socket, conversation);
      return { conversation: toVisitorConversationDto(conversation), message: toMessageDto(message) };
    },

    "conversation:sync": async (input, { visitor, socket }) => {
      const id = input.conversationId ? toObjectId(input.conversationId) : undefined;
      const conversation = await visitorConversation(visitor, id);
      if (!conversation) return { conversation: null, messages: [], hasMore: false };
      tellQueuePosition(socket, conversation);
      return conversationPage(lifecycle.log, conversation, input.afterSeq, toVisitorConversationDto, "visitor");
    },

    "message:send": async (input, { visitor }) => {
      const conversationId = toObjectId(input.conversationId);
      const conversation = await visitorsConversation(visitor, conversationId);
      const message = await lifecycle.post({
        conversationId,
        clientMsgId: input.clientMsgId,
        author: { kind: "visitor", id: null, name: conversation.visitorName },
        body: input.body,
        attachments: await attachmentsFor(conversation.site, input.attachmentIds ?? [], {
          conversation: conversationId,
        }),
      });
      return { message: toMessageDto(message) };
    },

    "site:availability": async (_input, { site }) => routing.availability(site._id),
  };
}
