import type { OfflineRequestDto, OfflineRequestInput } from "@parley/shared";
import type { Types } from "mongoose";
import { isDuplicateKey } from "../db/duplicate-key.ts";
import { toObjectId } from "../db/object-id.ts";
import { AppError } from "../errors/app-error.ts";
import { openedArticles } from "../manuals/manual-shelf.ts";
import type { StaffNamespace } from "../realtime/namespaces.ts";
import { rooms } from "../realtime/rooms.ts";
import type { Limit } from "../security/rate-limits.ts";
import type { SiteDoc } from "../sites/site.model.ts";
import { requireSiteProduct } from "../sites/site-products.ts";
import { isKnownZone } from "../time/time-zone.ts";
import type { VisitorDoc } from "../visitors/visitor.model.ts";
import { newOfflineReference } from "./offline-reference.ts";
import { OfflineRequest, type OfflineRequestDoc } from "./offline-request.model.ts";

export function toOfflineRequestDto(r: OfflineRequestDoc): OfflineRequestDto {
  return {
    id: r._id.toHexString(),
    reference: r.reference,
    name: r.name,
    email: r.email,
    priority: r.priority,
    product: r.product ?? null,
    details: r.details,
    createdAt: r.createdAt.toISOString(),
    // Only when there are some: requests from before manual suggestions, and most others, carry none.
    ...(r.manualsOpened?.length
      ? { manualsOpened: r.manualsOpened.map((m) => ({ id: m.id ?? "", title: m.title ?? "", url: m.url ?? "" })) }
      : {}),
  };
}

/**
 * Stores what a visitor left through the offline form, once per client request id, and tells the site's
 * staff. A retry returns the reference already given.
 */
export async function submitOfflineRequest(
  staff: StaffNamespace,
  site: SiteDoc,
  visitor: Pick<VisitorDoc, "_id">,
  input: OfflineRequestInput,
  newRequests: Limit,
): Promise<OfflineRequestDoc> {
  requireSiteProduct(site, input.product, "product");
  const existing = () =>
    OfflineRequest.findOne({ visitor: visitor._id, clientRequestId: input.clientRequestId }).lean<OfflineRequestDoc>();
  const stored = await existing();
  if (stored) return stored;
  // Checked after the lookup, so a retry of a request already stored is always answered.
  if (!(await newRequests.take(visitor._id.toHexString()))) {
    throw new AppError("RATE_LIMITED", "You have sent several requests already; we will get back to you");
  }

  // A clash is either a concurrent retry (found below) or, very rarely, a reference already taken.
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const created = await OfflineRequest.create({
        site: site._id,
        visitor: visitor._id,
        clientRequestId: input.clientRequestId,
        reference: newOfflineReference(),
        name: input.name,
        email: input.email,
        priority: input.priority,
        product: input.product ?? null,
        details: input.details,
        manualsOpened: await openedArticles(site._id, input.manualsOpened),
        timeZone: input.timeZone && isKnownZone(input.timeZone) ? input.timeZone : null,
      });
      const request = created.toObject() as OfflineRequestDoc;
      staff.to(rooms.siteStaff(site._id)).emit("offline:created", toOfflineRequestDto(request));
      return request;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      const raced = await existing();
      if (raced) return raced;
    }
  }
  throw new AppError("UNAVAILABLE", "Could not store the request; try again");
}

const LIST_LIMIT = 200;

/** The site's latest offline requests, newest first (the console's list and the REST API). */
export async function recentOfflineRequests(site: Types.ObjectId): Promise<OfflineRequestDto[]> {
  const requests = await OfflineRequest.find({ site })
    .sort({ createdAt: -1 })
    .limit(LIST_LIMIT)
    .lean<OfflineRequestDoc[]>();
  return requests.map(toOfflineRequestDto);
}

/** One offline request of the site; another site's is not found. */
export async function offlineRequestOfSite(site: Types.ObjectId, id: string): Promise<OfflineRequestDto> {
  const request = await OfflineRequest.findOne({ _id: toObjectId(id), site }).lean<OfflineRequestDoc>();
  if (!request) throw new AppError("NOT_FOUND", "Offline request not found");
  return toOfflineRequestDto(request);
}
