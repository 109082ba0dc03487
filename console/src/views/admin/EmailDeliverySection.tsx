import type { OutboxEmailDto } from "@parley/shared";
import { useEffect, useState } from "preact/hooks";
import { failureOf } from "../../realtime/socket.ts";
import { actionsColumn, type Column, DataTable } from "../DataTable.tsx";
import { useSession } from "../session-context.ts";

const UNANSWERED = "The server did not answer; try again.";

const KIND_WORDS: Record<string, string> = {
  ticket_created: "New ticket",
  ticket_status: "Status change",
  ticket_reply: "Reply",
  ticket_escalation: "Escalation",
  meeting_proposed: "Web conference proposal",
  meeting_invite: "Web conference invite",
};

/**
 * Emails the server could not deliver yet: it keeps them and tries again with growing waits, and after its last
 * attempt keeps them here as failed until an admin retries. Shown by kind and ticket, never by recipient or text.
 */
export function EmailDeliverySection() {
  const session = useSession();
  const [emails, setEmails] = useState<OutboxEmailDto[] | null>(null);
  const [status, setStatus] = useState("");

  const load = async () => {
    const result = await session.admin.listUndeliveredEmails();
    if (result.ok) setEmails(result.data.emails);
    else setStatus(failureOf(result, UNANSWERED).message);
  };
  useEffect(() => {
    void load();
  }, []);

  const retry = async (email: OutboxEmailDto) => {
    setStatus("");
    const result = await session.admin.retryEmail(email.id);
    if (result.ok) {
      setEmails(result.data.emails);
      setStatus(`Trying the ${KIND_WORDS[email.kind]?.toLowerCase() ?? "email"} for ${email.ticket} again.`);
    } else setStatus(failureOf(result, UNANSWERED).message);
  };

  const columns: Column<OutboxEmailDto>[] = [
    { key: "email", header: "Email", cell: (email) => KIND_WORDS[email.kind] ?? email.kind },
    { key: "ticket", header: "Ticket", cell: (email) => email.ticket },
    {
      key: "state",
      header: "State",
      cell: (email) =>
        email.status === "failed" ? "Gave up" : `Next try ${new Date(email.nextAttemptAt).toLocaleTimeString()}`,
    },
    { key: "attempts", header: "Attempts", cell: (email) => email.attempts },
    actionsColumn((email) => (
      <button
        type="button"
        onClick={() => void retry(email)}
        aria-label={`Retry the ${KIND_WORDS[email.kind]?.toLowerCase() ?? "email"} for ${email.ticket}`}
      >
        Retry now
      </button>
    )),
  ];
  return (
    <section class="page-section" aria-labelledby="admin-email">
      <h3 id="admin-email">Email delivery</h3>
      {emails === null ? (
        <p class="muted">Loading…</p>
      ) : (
        <DataTable
          name={{ caption: "Emails not delivered yet" }}
          columns={columns}
          rows={emails}
          empty="Every email has been delivered."
        />
      )}
      <p role="status" class="muted">
        {status}
      </p>
      <button type="button" onClick={() => void load()}>
        Refresh
      </button>
    </section>
  );
}
