import type { Types } from "mongoose";
import { isDuplicateKey } from "../db/duplicate-key.ts";
import { AppError } from "../errors/app-error.ts";
import { Conversation, type ConversationDoc } from "./conversation.model.ts";
import { Message, type MessageDoc } from "./message.model.ts";
import { type ChatFields, chatFields } from "./message-chat-fields.ts";
import { MessageKey, type MessageKeyDoc, messageKeyOf } from "./message-key.model.ts";
import { previewOf } from "./message-preview.ts";
import {
  type AppendResult,
  legacyMessage,
  messageRow,
  type NewMessage,
  sameSender,
  storedMessage,
} from "./message-store.ts";

/** Told of each new message, in seq order per conversation, once it is stored: the broadcast. */
export type OnStored = (conversation: ConversationDoc, message: MessageDoc) => void;

interface PendingSend {
  kind: "send";
  input: NewMessage;
  resolve: (result: AppendResult) => void;
  reject: (err: unknown) => void;
}

interface PendingTask {
  kind: "task";
  run: () => Promise<void>;
}

type Pending = PendingSend | PendingTask;

/** Batches in flight at once: the next one forms (and reads) while the previous one writes. */
const MAX_BATCHES_IN_FLIGHT = 2;

/**
 * The ordering point of chat messages. Every message of a conversation passes through here, so:
 *
 * - **No one sees N+1 before N is readable.** A conversation's messages are numbered and stored batch by batch;
 *   its next batch starts only when the previous one is stored and announced, and one batch is one insert.
 *   So whenever message N is broadcast, every message before it is stored.
 * - **Group commit.** Messages of many conversations that arrive together are stored with one insert, and
 *   answered after it. Under load batches grow by themselves: what arrives while one batch is written goes in
 *   the next.
 * - **Primary keys only.** The seqs come from one `$inc` on the conversation by `_id`, the message is stored
 *   under "<conversation>:<seq>", and a resend is found through its key ("<conversation>:<clientMsgId>"):
 *   nothing here reads more than the documents it names, however long the history. A message costs one update
 *   and a share of two inserts.
 *
 * Seqs are increasing, not gap-free: a resend, or a send refused because the chat closed, leaves the seq it
 * reserved unused. Across processes the `$inc` still hands out each seq once.
 */
export class MessageLog {
  /** Per conversation, what waits its turn, in arrival order. */
  private readonly queues = new Map<string, Pending[]>();
  /** Conversations with a batch or task in flight, and when it ends. */
  private readonly busy = new Map<string, Promise<void>>();
  /** Batches of sends being stored. */
  private batches = 0;
  private scheduled = false;
  /**
   * Per open conversation, the highest `lastSeq` this process has seen: a lower bound of the real one, since seqs
   * only grow. The seqs a batch will get are predicted from it, so the batch's last message and its sender's read
   * mark go in the same primary-key update that takes the seqs. Bounded: forgetting costs one extra
   * update, never a wrong value.
   */
  private readonly knownSeqs = new Map<string, number>();

  constructor(
    private readonly onStored: OnStored,
    private readonly stall: StallGuard = { ms: 15_000, stalled: () => undefined },
  ) {}

  /** Stores a message once per (conversation, clientMsgId); a resend gets the stored one, with no broadcast. */
  append(input: NewMessage): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.enqueue(input.conversationId, { kind: "send", input, resolve, reject });
    });
  }

  /**
   * Runs `work` alone for the conversation: after every message queued before it is stored, before any queued
   * after. Closing a chat runs here, so no message slips in between its closing line and the close.
   */
  exclusive<T>(conversationId: Types.ObjectId, work: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.enqueue(conversationId, {
        kind: "task",
        run: () => work().then(resolve, reject),
      });
    });
  }

  /** Stores one message inside `exclusive` work on its conversation (which the batches are kept out of). */
  appendNow(input: NewMessage): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      void this.commit([{ kind: "send", input, resolve, reject }]);
    });
  }

  /**
   * Resolves once the conversation's batch in flight, if any, is stored. A resync reads the conversation first and
   * its messages after this: every seq the conversation had handed out when it was read is then either stored or
   * never will be, so the resync cannot read N+1 and miss N because N's insert was still on its way.
   */
  settled(conversationId: Types.ObjectId): Promise<void> {
    return this.busy.get(conversationId.toHexString()) ?? Promise.resolve();
  }

  /** A conversation just read or created: seeds the seq prediction (see `knownSeqs`). */
  remember(conversation: Pick<ConversationDoc, "_id" | "lastSeq">): void {
    this.knowSeq(conversation._id.toHexString(), conversation.lastSeq);
  }

  private knowSeq(key: string, lastSeq: number): void {
    const known = this.knownSeqs.get(key);
    if (known !== undefined && known >= lastSeq) return;
    this.knownSeqs.delete(key);
    this.knownSeqs.set(key, lastSeq);
    if (this.knownSeqs.size > MAX_KNOWN_SEQS) this.knownSeqs.delete(this.knownSeqs.keys().next().value as string);
  }

  private enqueue(conversationId: Types.ObjectId, item: Pending): void {
    const key = conversationId.toHexString();
    const queue = this.queues.get(key);
    if (queue) queue.push(item);
    else this.queues.set(key, [item]);
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  /** Starts what can start: tasks at the head of a free conversation's queue, and one batch of sends. */
  private flush(): void {
    const batch: PendingSend[] = [];
    const keys: string[] = [];
    const batchAllowed = this.batches < MAX_BATCHES_IN_FLIGHT;
    for (const [key, queue] of this.queues) {
      if (this.busy.has(key)) continue;
      const head = queue[0];
      if (head?.kind === "task") {
        queue.shift();
        this.track([key], head.run(), false, () =>
          this.stall.stalled({ stage: "exclusive", messages: 0, conversations: 1 }),
        );
      } else if (batchAllowed) {
        let n = 0;
        while (queue[n]?.kind === "send") n++;
        batch.push(...(queue.splice(0, n) as PendingSend[]));
        keys.push(key);
      }
      if (queue.length === 0) this.queues.delete(key);
    }
    if (batch.length > 0) {
      const progress = { stage: "seqs" as CommitStage };
      this.track(keys, this.commit(batch, progress), true, () => {
        this.stall.stalled({ stage: progress.stage, messages: batch.length, conversations: keys.length });
        const unavailable = new AppError("UNAVAILABLE", "The database is not answering; try again");
        for (const send of batch) send.reject(unavailable);
      });
    }
  }

  /**
   * Holds the conversations until `work` ends, or until it has run `stall.ms`: the driver puts no limit on waiting
   * for a database that stopped answering, and one stuck write must not hold a conversation's later messages (and
   * their senders) forever. What was stuck is answered UNAVAILABLE, so clients resend; if it lands after all, the
   * resend finds it by its client id, and the late broadcast is a gap the clients fetch.
   */
  private track(keys: string[], work: Promise<void>, isBatch: boolean, onStall: () => void): void {
    let timer: NodeJS.Timeout | undefined;
    const stalled = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        onStall();
        resolve();
      }, this.stall.ms);
      timer.unref();
    });
    const done = Promise.race([work.catch(() => undefined), stalled]).finally(() => clearTimeout(timer));
    for (const key of keys) this.busy.set(key, done);
    if (isBatch) this.batches++;
    void done.then(() => {
      for (const key of keys) this.busy.delete(key);
      if (isBatch) this.batches--;
      if (this.queues.size > 0) this.schedule();
    });
  }

  /** Stores a batch; never rejects: each send is answered on its own. */
  private async commit(batch: PendingSend[], progress: { stage: CommitStage } = { stage: "seqs" }): Promise<void> {
    // A client resending while its first send is still in this batch waits for the first one's answer.
    const firsts = new Map<string, PendingSend>();
    const repeats: Array<[PendingSend, PendingSend]> = [];
    for (const send of batch) {
      const key = messageKeyOf(send.input.conversationId, send.input.clientMsgId);
      const first = firsts.get(key);
      if (first) repeats.push([send, first]);
      else firsts.set(key, send);
    }
    const answers = new Map<PendingSend, Promise<AppendResult>>();
    let keys: Promise<void> = Promise.resolve();
    try {
      const reserved = await this.reserveSeqs([...firsts.values()], answers);
      progress.stage = "messages";
      keys = (await this.store(reserved, answers)).keys;
      progress.stage = "keys";
    } catch (err) {
      for (const send of firsts.values()) if (!answers.has(send)) answers.set(send, Promise.reject(err));
    }
    for (const [send, first] of repeats) {
      answers.set(
        send,
        (answers.get(first) as Promise<AppendResult>).then((r) => ({
          message: sameSender(r.message, send.input),
          conversation: null,
        })),
      );
    }
    await Promise.all(
      batch.map((send) =>
        (answers.get(send) as Promise<AppendResult>).then(send.resolve, send.reject).catch(() => undefined),
      ),
    );
    // The conversation's next batch waits for its keys: a resend in it finds the key of what this one stored.
    await keys.catch(() => undefined);
  }

  /**
   * One `$inc` per conversation takes its seqs, and records who spoke last (the wall, alerts and figures read
   * it). The filter is the `_id` alone, so it is a primary-key update everywhere; whether the chat is still open
   * is read off the result (a closed chat has left the open ones, or is about to).
   */
  private async reserveSeqs(
    sends: PendingSend[],
    answers: Map<PendingSend, Promise<AppendResult>>,
  ): Promise<Reserved[]> {
    const byConversation = new Map<string, PendingSend[]>();
    for (const send of sends) {
      const key = send.input.conversationId.toHexString();
      const list = byConversation.get(key);
      if (list) list.push(send);
      else byConversation.set(key, [send]);
    }
    const reserved: Reserved[] = [];
    await Promise.all(
      [...byConversation.values()].map(async (list) => {
        const conversationId = (list[0] as PendingSend).input.conversationId;
        const key = conversationId.toHexString();
        const now = new Date();
        const inputs = list.map((s) => s.input);
        const spoke = spokeFields(inputs, now);
        const known = this.knownSeqs.get(key) ?? 0;
        const predicted = chatFields(inputs, known, now);
        const conversation = (await Conversation.collection.findOneAndUpdate(
          { _id: conversationId },
          {
            $inc: { lastSeq: list.length },
            $set: { ...spoke, ...predicted.set, updatedAt: now },
            // Unset until the first answer (conversation.model.ts), so $min sets it once and keeps the earliest,
            // whoever races it.
            ...(spoke.lastAgentMessageAt ? { $min: { firstAgentReplyAt: now } } : {}),
            ...(predicted.max ? { $max: predicted.max } : {}),
          },
          { returnDocument: "after" },
        )) as ConversationDoc | null;
        if (!conversation || conversation.status === "closed") {
          this.knownSeqs.delete(key);
          for (const send of list) {
            answers.set(send, Promise.reject(new AppError("CONVERSATION_CLOSED", "This conversation is closed")));
          }
          return;
        }
        const base = conversation.lastSeq - list.length;
        this.knowSeq(key, conversation.lastSeq);
        await correctChatFields(conversation, inputs, base === known ? null : chatFields(inputs, base, now));
        if (conversation.firstAgentReplyAt === null && spoke.lastAgentMessageAt) {
          // Stored as null by older versions, where $min keeps null: guarded on it being unset instead.
          await Conversation.updateOne(
            { _id: conversationId, firstAgentReplyAt: null },
            { $set: { firstAgentReplyAt: now } },
          );
          conversation.firstAgentReplyAt = now;
        }
        let seq = conversation.lastSeq - list.length;
        for (const send of list) reserved.push({ send, seq: ++seq, conversation });
      }),
    );
    return reserved;
  }

  /**
   * Stores the batch's messages in one insert: the unique (conversation, clientMsgId) index makes that insert the
   * claim of each client id, so a resend (or a concurrent send of the same id elsewhere) fails there alone and is
   * answered with what is stored; its reserved seq stays unused. The stored ones are announced in seq order, then
   * their keys are written (returned, for the caller to await before the conversation's next batch).
   */
  private async store(
    reserved: Reserved[],
    answers: Map<PendingSend, Promise<AppendResult>>,
  ): Promise<{ keys: Promise<void> }> {
    if (reserved.length === 0) return { keys: Promise.resolve() };
    const now = new Date();
    const rows = reserved.map((r) => messageRow(r.send.input, r.seq, now));
    const clashes = await insertAll(Message.collection, rows);
    const stored: Reserved[] = [];
    reserved.forEach((r, i) => {
      if (clashes.has(i)) {
        answers.set(
          r.send,
          settle(() => this.storedAlready(r.send.input)),
        );
        return;
      }
      const row = rows[i] as MessageDoc;
      // Announced before anyone is answered: an ack never overtakes its broadcast.
      this.onStored(r.conversation, row);
      answers.set(r.send, Promise.resolve({ message: row, conversation: r.conversation }));
      stored.push(r);
    });
    const keys = insertAll(
      MessageKey.collection,
      stored.map((r) => ({ _id: messageKeyOf(r.send.input.conversationId, r.send.input.clientMsgId), seq: r.seq })),
    ).then(() => undefined);
    return { keys };
  }

  /** A send whose client id is stored already: a resend, or a concurrent send of it by another process. */
  private async storedAlready(input: NewMessage): Promise<AppendResult> {
    const key = await MessageKey.findById(messageKeyOf(input.conversationId, input.clientMsgId)).lean<MessageKeyDoc>();
    // No key: stored before message keys existed, or the process died between the message and its key.
    const stored = key
      ? await storedMessage(input.conversationId, key.seq)
      : await legacyMessage(input.conversationId, input.clientMsgId);
    if (!stored) throw new AppError("CONFLICT", "This message is being stored; send it again in a moment");
    return { message: sameSender(stored, input), conversation: null };
  }
}

/**
 * Where stuck work was: a batch taking its seqs, inserting its messages or writing their keys, or a conversation's
 * exclusive work (a close). The stall log says which.
 */
type CommitStage = "seqs" | "messages" | "keys" | "exclusive";

/** How long a batch may wait on the database, and who hears of one that waited longer (the log). */
export interface StallGuard {
  ms: number;
  stalled: (what: { stage: CommitStage; messages: number; conversations: number }) => void;
}

/** Conversations whose last seq a process keeps predicting from (MessageLog.knownSeqs). */
const MAX_KNOWN_SEQS = 20_000;

/**
 * The predicted seqs were too low (first message of a chat in this process, or another node numbered messages in
 * between): raises the last message's seq and the read mark to the real ones, with `$max`, so a later batch that
 * already wrote a higher one is left alone. Also fills a missing preview (chats from before previews were kept). Both
 * are rare; the common case is no write at all. The document the broadcast carries is corrected in place.
 */
async function correctChatFields(
  conversation: ConversationDoc,
  inputs: NewMessage[],
  actual: ChatFields | null,
): Promise<void> {
  const max: Record<string, number> = {};
  if (actual?.set.lastMessage) max["lastMessage.seq"] = actual.set.lastMessage.seq;
  if (actual?.max) Object.assign(max, actual.max);
  const firstVisitor = inputs.find((i) => i.author.kind === "visitor" && !i.internal);
  const preview = conversation.preview ? null : firstVisitor ? previewOf(firstVisitor.body) : null;
  if (Object.keys(max).length === 0 && preview === null) return;
  await Conversation.collection.updateOne(
    { _id: conversation._id },
    { ...(Object.keys(max).length > 0 ? { $max: max } : {}), ...(preview !== null ? { $set: { preview } } : {}) },
  );
  if (actual?.set.lastMessage && conversation.lastMessage) {
    conversation.lastMessage.seq = Math.max(conversation.lastMessage.seq, actual.set.lastMessage.seq);
  }
  if (actual?.max?.visitorReadSeq !== undefined) {
    conversation.visitorReadSeq = Math.max(conversation.visitorReadSeq ?? 0, actual.max.visitorReadSeq);
  }
  if (actual?.max?.agentReadSeq !== undefined) {
    conversation.agentReadSeq = Math.max(conversation.agentReadSeq ?? 0, actual.max.agentReadSeq);
  }
  if (preview !== null) conversation.preview = preview;
}

interface Reserved {
  send: PendingSend;
  seq: number;
  conversation: ConversationDoc;
}

/** Inserts all rows, carrying on past duplicates; returns the positions refused as duplicates. */
async function insertAll(
  collection: { insertMany: (docs: never[], opts: { ordered: false }) => Promise<unknown> },
  rows: object[],
): Promise<Set<number>> {
  if (rows.length === 0) return new Set();
  try {
    await collection.insertMany(rows as never[], { ordered: false });
    return new Set();
  } catch (err) {
    const writeErrors = (err as { writeErrors?: Array<{ index: number; code?: number; err?: { code?: number } }> })
      .writeErrors;
    if (!writeErrors || writeErrors.some((e) => !isDuplicateKey(e) && !isDuplicateKey(e.err))) throw err;
    return new Set(writeErrors.map((e) => e.index));
  }
}

function settle<T>(fn: () => T | Promise<T>): Promise<T> {
  return Promise.resolve().then(fn);
}

type SpokeField = "lastVisitorMessageAt" | "lastAgentMessageAt";

/** Who spoke: notes and Parley's own lines are not an answer (the wall's "unanswered for 3 min", the figures). */
function spokeField(input: NewMessage): SpokeField | null {
  if (input.internal) return null;
  if (input.author.kind === "visitor") return "lastVisitorMessageAt";
  if (input.author.kind === "agent") return "lastAgentMessageAt";
  return null;
}

function spokeFields(inputs: NewMessage[], now: Date): Partial<Record<SpokeField, Date>> {
  const set: Partial<Record<SpokeField, Date>> = {};
  for (const input of inputs) {
    const field = spokeField(input);
    if (field) set[field] = now;
  }
  return set;
}
