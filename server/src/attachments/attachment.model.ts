import { type InferSchemaType, model, Schema, type Types } from "mongoose";

const uploaderSchema = new Schema(
  {
    /** "email": a file that came with an email to the support address; its id is the ticket's. */
    kind: { type: String, enum: ["staff", "visitor", "email"], required: true },
    /** The agent's or the visitor's id (the ticket's for "email"). */
    id: { type: Schema.Types.ObjectId, required: true },
    name: { type: String, required: true },
  },
  { _id: false },
);

/**
 * A stored file's metadata; its bytes live in `<ATTACHMENTS_DIR>/<storedName>`. It belongs to exactly
 * one chat or one ticket (the other is null), and only messages of that chat or ticket may reference it.
 */
const attachmentSchema = new Schema(
  {
    site: { type: Schema.Types.ObjectId, ref: "Site", required: true },
    conversation: { type: Schema.Types.ObjectId, ref: "Conversation", default: null },
    ticket: { type: Schema.Types.ObjectId, ref: "Ticket", default: null },
    uploader: { type: uploaderSchema, required: true },
    /** The upload's file name, cleaned for display (attachments/file-name.ts). */
    name: { type: String, required: true },
    /** Decided from the content (attachments/content-sniff.ts), never from the client. */
    contentType: { type: String, required: true },
    size: { type: Number, required: true },
    /** 32 random hex characters: the file name on disk. */
    storedName: { type: String, required: true, unique: true },
    /**
     * Whether the customer may download a ticket's file: theirs from the start, staff uploads once a reply
     * to the customer (never an internal note) references them. A chat has no internal messages: every
     * file of a chat is the visitor's to see.
     */
    customerVisible: { type: Boolean, required: true, default: false },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
// Plain (non-partial) indexes: FerretDB 1.24 has no partial or sparse ones, so null scopes are indexed too.
attachmentSchema.index({ conversation: 1, createdAt: 1 });
attachmentSchema.index({ ticket: 1, createdAt: 1 });

export type AttachmentDoc = InferSchemaType<typeof attachmentSchema> & { _id: Types.ObjectId; createdAt: Date };
export const Attachment = model("Attachment", attachmentSchema);
