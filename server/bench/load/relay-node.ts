// The baseline of `npm run bench:load`: a bare Socket.IO relay, visitor → server → agent, with no database, no
// auth and no checks, speaking the event names the load clients use. Whatever Parley costs beyond this is the
// price of persisting, ordering, authorizing and routing. Runs as its own process, like Parley in the bench.
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { serveBenchIpc } from "./node-ipc.ts";

const http = createServer();
const io = new Server(http, { serveClient: false });
const seqs = new Map<string, number>();

io.of("/visitor").on("connection", (socket) => {
  socket.on("conversation:start", (input: { body: string; clientMsgId: string }, ack: (r: unknown) => void) => {
    const id = randomBytes(12).toString("hex");
    seqs.set(id, 1);
    void socket.join(`v:${id}`);
    ack({ ok: true, data: { conversation: { id }, message: { seq: 1, clientMsgId: input.clientMsgId } } });
  });
  socket.on(
    "message:send",
    (input: { conversationId: string; clientMsgId: string; body: string }, ack: (r: unknown) => void) => {
      const seq = (seqs.get(input.conversationId) ?? 0) + 1;
      seqs.set(input.conversationId, seq);
      const message = {
        id: `${input.conversationId}:${seq}`,
        conversationId: input.conversationId,
        seq,
        clientMsgId: input.clientMsgId,
        author: { kind: "visitor", name: "Visitor" },
        body: input.body,
        createdAt: new Date().toISOString(),
      };
      io.of("/agent").to(`c:${input.conversationId}`).emit("message:new", message);
      ack({ ok: true, data: { message } });
    },
  );
});

io.of("/agent").on("connection", (socket) => {
  socket.on("conversation:accept", (input: { conversationId: string }, ack: (r: unknown) => void) => {
    void socket.join(`c:${input.conversationId}`);
    ack({ ok: true, data: { conversation: { id: input.conversationId } } });
  });
});

http.listen(0, "127.0.0.1", () => {
  const { port } = http.address() as AddressInfo;
  serveBenchIpc(`http://127.0.0.1:${port}`, {});
});
