import type { AgentDto } from "@parley/shared";
import { isAdmin } from "../../state/roles.ts";
import { usePageHeading } from "../usePage.ts";
import { CannedSection } from "./CannedSection.tsx";

/** Inside RepliesRoute's <main>: every staff member's own canned replies, and the site-wide ones (changed by admins on the Admin page). */
export function RepliesPage({ me }: { me: AgentDto }) {
  const headingRef = usePageHeading("Canned replies");
  return (
    <>
      <h2 ref={headingRef} tabIndex={-1}>
        Canned replies
      </h2>
      <p class="hint">
        In a chat, type / in the empty message box (or use the Canned replies button) to search these and insert one.
      </p>
      <CannedSection
        scope="personal"
        editable
        heading="My replies"
        headingId="canned-personal"
        intro="Only you see and use these."
      />
      <CannedSection
        scope="site"
        editable={false}
        heading="Site-wide replies"
        headingId="canned-site"
        intro={
          isAdmin(me)
            ? "Offered to everyone on the site. Change them on the Admin page."
            : "Offered to everyone on the site; admins change them."
        }
      />
    </>
  );
}
