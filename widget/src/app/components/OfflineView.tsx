import type { Availability } from "../availability.ts";
import { nextOpening, offlineHeading } from "../availability.ts";
import { formatOpening } from "../opening-time.ts";

interface Props {
  availability: Availability;
}

/** Shown instead of the chat form while no chat can start. */
export function OfflineView({ availability }: Props) {
  const opensAt = nextOpening(availability);
  const opens = opensAt ? formatOpening(opensAt, new Date()) : null;
  return (
    <section class="offline" aria-labelledby="parley-offline-title">
      <h3 class="offline-title" id="parley-offline-title">
        {offlineHeading(availability)}
      </h3>
      {opens && <p class="opens">Support opens {opens}.</p>}
    </section>
  );
}
