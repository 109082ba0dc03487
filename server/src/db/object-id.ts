import { Types } from "mongoose";

/** Callers pass strings that a shared schema already checked as 24-hex ids. */
export const toObjectId = (hex: string): Types.ObjectId => new Types.ObjectId(hex);
