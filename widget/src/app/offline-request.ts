import type { OfflineRequestInput } from "@parley/shared";
import type { Priority } from "@parley/shared/constants";
import { newClientMsgId } from "./ids.ts";
import type { KeyValueStore } from "./storage.ts";

/** What the offline form holds; `product` is "" for "Not sure". */
export interface OfflineFields {
  name: string;
  email: string;
  priority: Priority;
  product: string;
  details: string;
}

/** Sent with the fields but not typed into them: manual articles opened, the browser's time zone. */
export type OfflineExtra = Pick<OfflineRequestInput, "manualsOpened" | "timeZone">;

/**
 * The offline request on its way. Its clientRequestId is chosen once per submission and stored before the
 * first send, so a retry, a dropped connection or a reload sends the same id and the server answers with the
 * same reference instead of filing the request twice. It is forgotten only on an answer.
 */
export class OfflineRequestStore {
  constructor(
    private readonly store: KeyValueStore,
    private readonly key: string,
    /**
     * offline-pending.ts's reader, passed in: this module is in the offline flow's chunk, and a lazy chunk that
     * imports a module importing @parley/shared/constants makes the bundler split app.js (rolldown#10731).
     */
    private readonly read: (store: KeyValueStore, key: string) => OfflineRequestInput | null,
  ) {}

  pending(): OfflineRequestInput | null {
    return this.read(this.store, this.key);
  }

  /** A new submission; the same fields still pending (a double submit, another tab) keep their id. */
  begin(fields: OfflineFields, extra?: OfflineExtra): OfflineRequestInput {
    const request = { ...toRequest(fields, newClientMsgId()), ...extra };
    const pending = this.pending();
    if (pending && sameContent(pending, request)) return pending;
    this.store.setItem(this.key, JSON.stringify(request));
    return request;
  }

  /** Answered: forgotten, unless a newer submission has replaced it meanwhile. */
  finish(clientRequestId: string): void {
    if (this.pending()?.clientRequestId === clientRequestId) this.store.removeItem(this.key);
  }
}

/** Trimmed as the server trims, so what is stored is what the server compares on a resend. */
function toRequest(fields: OfflineFields, clientRequestId: string): OfflineRequestInput {
  const request: OfflineRequestInput = {
    clientRequestId,
    name: fields.name.trim(),
    email: fields.email.trim(),
    priority: fields.priority,
    details: fields.details.trim(),
  };
  if (fields.product) request.product = fields.product;
  return request;
}

function sameContent(a: OfflineRequestInput, b: OfflineRequestInput): boolean {
  return (
    a.name === b.name &&
    a.email === b.email &&
    a.priority === b.priority &&
    a.product === b.product &&
    a.details === b.details
  );
}
