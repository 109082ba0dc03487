import type { TicketAlertDto, WallAlertDto } from "@parley/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestCluster } from "../../../test/cluster-harness.ts";
import { collect, ok, sleep, staffMember, waitFor, waitingVisitor } from "../../../test/harness.ts";
import { smtpSink } from "../../../test/smtp-sink.ts";
import { chatTicket, setWeekdayHours } from "../../../test/tickets-harness.ts";

// Background work across three real nodes, each on its own ManualClock that the test sets: one breach gives one
// escalation, one alert and one email however many nodes look at it at once.
const START = new Date("2026-11-02T10:00:00Z"); // Monday, inside the weekday hours set below
let cluster: TestCluster;
let sink: Awaited<ReturnType<typeof smtpSink>>;
let site: Awaited<ReturnType<TestCluster["createSite"]>>;

beforeAll(async () => {
  sink = await smtpSink();
  // The nodes' own timers stay out of the way (an hour, ten minutes): the test runs each pass by hand, on all three.
  cluster = await TestCluster.start(3, {
    clockAt: START,
    env: { SMTP_URL: sink.url, SLA_WATCH_INTERVAL_MS: "3600000", CHAT_ALERT_INTERVAL_MS: "600000" },
  });
  site = await cluster.createSite({ products: [{ id: "cloud", name: "Acme Cloud" }] });
  await setWeekdayHours(site._id);
});
afterAll(async () => {
  await cluster?.stop();
  await sink?.close();
});

describe("background work on three nodes", () => {
  it("should escalate a breach once, with one alert and one email, when every node's watch sees it", async () => {
    const ana = await staffMember(cluster.node(1), site._id, { name: "Ana" });
    const sue = await staffMember(cluster.node(2), site._id, { role: "supervisor", name: "Sue" });
    const alerts = collect<TicketAlertDto>(sue.socket, "ticket:alert");
    const { ticket } = await chatTicket(cluster.node(0), site.key, ana);

    // Critical: the first response was due Tuesday 10:00. Every node passes at 10:00 at once, twice.
    await Promise.all(cluster.nodes.map((n) => n.setClock("2026-11-03T10:00:00Z")));
    await Promise.all(cluster.nodes.map((n) => n.slaSweep()));
    await Promise.all(cluster.nodes.map((n) => n.slaSweep()));

    const escalatedMail = (m: (typeof sink.received)[number]) =>
      m.envelopeTo.includes(sue.email) && (m.mail.subject ?? "").includes("Escalated");
    await waitFor(() => alerts.some((a) => a.kind === "escalated") && sink.received.some(escalatedMail));
    const { ticket: after, timeline } = await ok(sue.socket, "ticket:get", { ticketId: ticket.id });
    // Settle: a duplicate from a slower node would arrive within this.
    await sleep(500);
    expect(after.status).toBe("escalated");
    expect(alerts.map((a) => a.kind)).toEqual(["breached", "escalated"]);
    expect(sink.received.filter(escalatedMail)).toHaveLength(1);
    expect(timeline.filter((e) => e.actor.kind === "system").map((e) => e.text)).toEqual([
      "marked the first-response target breached",
      "escalated the ticket: The first-response target was breached",
    ]);
  });

  it("should raise a wall alert once, from the node holding the lease, for a chat started on another node", async () => {
    // Open around the clock: this chat is started at the real time of day.
    const open = await cluster.createSite();
    const sam = await staffMember(cluster.node(1), open._id, { role: "supervisor", name: "Sam" });
    const wall = collect<WallAlertDto>(sam.socket, "wall:alert");
    // A chat's times are stamped by the database write (the wall clock), so the nodes' clocks move from now.
    await Promise.all(cluster.nodes.map((n) => n.setClock(new Date())));
    const vera = await waitingVisitor(cluster.node(0), open.key);
    // Every node mirrors the chat (told through Redis); each checks at a clock past the 60 s queue-wait threshold.
    await Promise.all(cluster.nodes.map((n) => n.setClock(new Date(Date.now() + 5 * 60_000))));
    await Promise.all(cluster.nodes.map((n) => n.alertCheck()));
    await waitFor(() => wall.some((a) => a.conversationId === vera.id));
    await Promise.all(cluster.nodes.map((n) => n.alertCheck()));
    await sleep(500);
    expect(wall.filter((a) => a.conversationId === vera.id)).toEqual([
      expect.objectContaining({ kind: "queue_wait", active: true }),
    ]);
  });
});
