import type { ConversationDetailDto } from "@parley/shared";
import { useId } from "preact/hooks";
import { formatDateTime, safeHttpUrl } from "../format.ts";
import { describeUserAgent } from "../userAgent.ts";
import { useNow } from "./useNow.ts";
import { VisitorPast } from "./VisitorPast.tsx";

/** Who the visitor is and where they are writing from. Every value here is visitor-supplied. */
export function VisitorPanel({ detail }: { detail: ConversationDetailDto }) {
  const headingId = useId();
  const env = detail.environment;
  return (
    <aside class="visitor" aria-labelledby={headingId}>
      <h3 id={headingId}>Visitor</h3>
      <dl>
        <dt>Name</dt>
        <dd>{detail.visitor.name}</dd>
        <dt>Email</dt>
        <dd>{detail.visitor.email ?? <span class="muted">Not given</span>}</dd>
        <dt>Started</dt>
        <dd>{formatDateTime(detail.createdAt)}</dd>
        {env && (
          <>
            <dt>Page</dt>
            <dd>
              <UrlText value={env.url} />
            </dd>
            <dt>Referrer</dt>
            <dd>
              <UrlText value={env.referrer} />
            </dd>
            <dt>Browser</dt>
            <dd>
              {describeUserAgent(env.userAgent) ?? <span class="muted">Unknown</span>}
              {env.userAgent && <span class="ua">{env.userAgent}</span>}
            </dd>
            <dt>Language</dt>
            <dd>{env.language || <span class="muted">Unknown</span>}</dd>
            <dt>Time zone</dt>
            <dd>
              <TimeZone zone={env.timeZone} />
            </dd>
          </>
        )}
      </dl>
      <VisitorPast conversationId={detail.id} />
    </aside>
  );
}

/** Clickable only for http(s); anything else (javascript:, data:…) stays inert text. */
function UrlText({ value }: { value: string }) {
  if (!value) return <span class="muted">None</span>;
  const href = safeHttpUrl(value);
  if (!href) return <span class="url">{value}</span>;
  return (
    <a class="url" href={href} target="_blank" rel="noopener noreferrer nofollow">
      {value}
    </a>
  );
}

function TimeZone({ zone }: { zone: string }) {
  const now = useNow(60_000);
  if (!zone) return <span class="muted">Unknown</span>;
  let local: string | null = null;
  try {
    local = new Intl.DateTimeFormat(undefined, { timeZone: zone, timeStyle: "short" }).format(now);
  } catch {
    // Not a zone this browser knows: show the name alone.
  }
  return (
    <>
      {zone}
      {local && <span class="muted"> (their time {local})</span>}
    </>
  );
}
