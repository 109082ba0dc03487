import { isAdmin } from "../../state/roles.ts";
import type { SessionState } from "../../state/session.ts";
import { CannedSection } from "../canned/CannedSection.tsx";
import { usePageHeading } from "../usePage.ts";
import { AgentsSection } from "./AgentsSection.tsx";
import { ApiKeysSection } from "./ApiKeysSection.tsx";
import { CustomersSection } from "./CustomersSection.tsx";
import { EmailDeliverySection } from "./EmailDeliverySection.tsx";
import { HoursSection } from "./HoursSection.tsx";
import { IdentitySection } from "./IdentitySection.tsx";
import { ManualsSection } from "./ManualsSection.tsx";
import { ProductsSection } from "./ProductsSection.tsx";
import { SlaPlansSection } from "./SlaPlansSection.tsx";
import { SupervisionSection } from "./SupervisionSection.tsx";
import { TicketSettingsSection } from "./TicketSettingsSection.tsx";
import { VisitorGoneSection } from "./VisitorGoneSection.tsx";
import { WidgetSection } from "./WidgetSection.tsx";

/** Admins only: the server refuses these commands to anyone else (FORBIDDEN), so others are not offered them. */
export function AdminPage({ state }: { state: SessionState }) {
  const headingRef = usePageHeading("Admin");
  const settings = state.site.settings;
  return (
    <main id="main" tabIndex={-1} class="page admin">
      <h2 ref={headingRef} tabIndex={-1}>
        Admin
      </h2>
      {!isAdmin(state.me) ? (
        <p class="muted">
          Only admins can change agents, products, support hours, customers, ticket settings and the chat widget.
        </p>
      ) : !settings || !state.team.loaded ? (
        <p class="muted">Loading…</p>
      ) : (
        <>
          <nav class="subnav" aria-label="Admin sections">
            <a href="#admin-agents">Agents</a> <a href="#admin-products">Products</a>{" "}
            <a href="#admin-hours">Support hours and routing</a> <a href="#admin-customers">Customers</a>{" "}
            <a href="#admin-ticket-settings">Ticket settings</a> <a href="#admin-sla-plans">SLA plans</a>{" "}
            <a href="#admin-supervision">Supervision alerts</a> <a href="#admin-visitor-gone">Visitors who leave</a>{" "}
            <a href="#admin-widget">Chat widget</a> <a href="#admin-identity">Verified identity</a>{" "}
            <a href="#admin-email">Email delivery</a> <a href="#admin-canned">Canned replies</a>{" "}
            <a href="#admin-api-keys">API keys</a>
            <a href="#admin-manuals">Manual articles</a>
          </nav>
          <AgentsSection me={state.me} members={state.team.members} products={settings.products} />
          <ProductsSection products={settings.products} />
          <ManualsSection products={settings.products} />
          <HoursSection settings={settings} />
          <CustomersSection settings={settings} />
          <TicketSettingsSection settings={settings} />
          <SlaPlansSection settings={settings} />
          <SupervisionSection settings={settings} />
          <VisitorGoneSection settings={settings} />
          <WidgetSection settings={settings} />
          <IdentitySection settings={settings} />
          <EmailDeliverySection />
          <CannedSection
            scope="site"
            editable
            heading="Canned replies"
            headingId="admin-canned"
            intro="Site-wide replies, offered to every agent in the chat composer (type / in an empty message box). Each agent keeps their own on the Replies page."
          />
          <ApiKeysSection me={state.me} members={state.team.members} />
        </>
      )}
    </main>
  );
}
