import { model, Schema, type Types } from "mongoose";
import { isDuplicateKey } from "../db/duplicate-key.ts";

const FIRST_NUMBER = 1001;

/** One counter per site; an atomic $inc hands out each number once, in any number of processes. */
const counterSchema = new Schema({
  site: { type: Schema.Types.ObjectId, required: true, unique: true },
  last: { type: Number, required: true },
});
const TicketCounter = model("TicketCounter", counterSchema);

export async function nextTicketNumber(siteId: Types.ObjectId): Promise<number> {
  const counter = await TicketCounter.findOneAndUpdate(
    { site: siteId },
    { $inc: { last: 1 } },
    { upsert: true, returnDocument: "after" },
  )
    .lean<{ last: number }>()
    // Two first tickets of a site at once: both upserts insert, the unique index refuses one; it retries.
    .catch(async (err: unknown) => {
      if (!isDuplicateKey(err)) throw err;
      return TicketCounter.findOneAndUpdate({ site: siteId }, { $inc: { last: 1 } }, { returnDocument: "after" }).lean<{
        last: number;
      }>();
    });
  if (!counter) throw new Error("ticket counter missing after upsert");
  // The first upsert starts from 0; numbers are offset so they look like ticket numbers from the start.
  return FIRST_NUMBER - 1 + counter.last;
}

export const formatTicketNumber = (n: number): string => `T-${n}`;
