import { useId } from "preact/hooks";
import { formatCountdown, type OfferActions, offerKey, type RingingOffer } from "../state/offers.ts";
import { useNow } from "./useNow.ts";

interface IncomingChatsProps {
  offers: readonly RingingOffer[];
  actions: OfferActions;
  productName: (id: string) => string;
  onAccept: (offer: RingingOffer) => void;
  onDecline: (offer: RingingOffer) => void;
}

/** Chats ringing me, shown above every page until answered or moved on. */
export function IncomingChats(props: IncomingChatsProps) {
  return props.offers.length === 0 ? null : <IncomingList {...props} />;
}

function IncomingList({ offers, actions, productName, onAccept, onDecline }: IncomingChatsProps) {
  const headingId = useId();
  const now = useNow(1_000);
  return (
    <section class="incoming" aria-labelledby={headingId}>
      <h2 id={headingId}>Incoming chats</h2>
      <ul>
        {offers.map((offer) => {
          const key = offerKey(offer);
          return (
            <OfferItem
              key={key}
              offer={offer}
              action={actions[key]}
              product={offer.product ? productName(offer.product) : null}
              remainingMs={Date.parse(offer.offer.expiresAt) - now}
              onAccept={() => onAccept(offer)}
              onDecline={() => onDecline(offer)}
            />
          );
        })}
      </ul>
    </section>
  );
}

interface OfferItemProps {
  offer: RingingOffer;
  action: OfferActions[string] | undefined;
  product: string | null;
  remainingMs: number;
  onAccept: () => void;
  onDecline: () => void;
}

function OfferItem({ offer, action, product, remainingMs, onAccept, onDecline }: OfferItemProps) {
  const whoId = useId();
  const busy = Boolean(action?.pending);
  // aria-disabled rather than disabled: a disabled button drops keyboard focus.
  const guard = (run: () => void) => () => {
    if (!busy) run();
  };
  return (
    <li class="offer">
      <p class="offer-who" id={whoId}>
        <span class="offer-name">{offer.visitorName}</span>
        {product && <span class="offer-product">{product}</span>}
        {offer.leftMessage && <span class="offer-product">Left after hours</span>}
      </p>
      {offer.preview && (
        <p class="offer-preview">
          <span class="sr-only">First message: </span>
          {offer.preview}
        </p>
      )}
      <p class="offer-time">
        {remainingMs > 0 ? (
          <>
            Expires in <span class="countdown">{formatCountdown(remainingMs)}</span>
          </>
        ) : (
          "Expiring…"
        )}
      </p>
      <div class="offer-actions">
        <button type="button" class="primary" aria-describedby={whoId} aria-disabled={busy} onClick={guard(onAccept)}>
          Accept
        </button>
        <button type="button" aria-describedby={whoId} aria-disabled={busy} onClick={guard(onDecline)}>
          Decline
        </button>
      </div>
      {action?.error && (
        <p class="error offer-error" role="alert">
          {action.error.message}
        </p>
      )}
    </li>
  );
}
