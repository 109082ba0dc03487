import type { SiteSettingsDto } from "@parley/shared";
import type { TargetedSubmitEvent } from "preact";
import { useEffect, useState } from "preact/hooks";
import { failureOf } from "../../realtime/socket.ts";
import { errorsAt, type FormErrors, formErrors } from "../../state/issues.ts";
import { localRefusal, ticketSettingsInput } from "../../state/sla-plan-form.ts";
import { useSession } from "../session-context.ts";
import { ErrorSummary, SavedStatus } from "./FormErrors.tsx";
import { CheckField, TextField } from "./fields.tsx";

const UNANSWERED = "The server did not answer in time. Reload the page to see whether the settings were saved.";
const LAYOUT = {
  strip: "tickets",
  labels: { autoCloseWorkingDays: "Auto-close", refuseUnentitled: "Refuse tickets without entitlement" },
};

/** How long a resolved ticket waits for the customer, and what happens to tickets without entitlement. */
export function TicketSettingsSection({ settings }: { settings: SiteSettingsDto }) {
  const session = useSession();
  const [days, setDays] = useState(String(settings.tickets.autoCloseWorkingDays));
  const [refuse, setRefuse] = useState(settings.tickets.refuseUnentitled);
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState("");

  // Another admin's save shows here, unless this admin is in the middle of editing.
  useEffect(() => {
    if (dirty) return;
    setDays(String(settings.tickets.autoCloseWorkingDays));
    setRefuse(settings.tickets.refuseUnentitled);
  }, [settings]);

  const touched = () => {
    setDirty(true);
    setSaved("");
  };

  const submit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setSaved("");
    // The plans go as they are now on the server: this form does not edit them.
    const built = ticketSettingsInput(settings.tickets, days, refuse);
    if (!built.ok) {
      setErrors(formErrors(localRefusal(built.issues), LAYOUT));
      return;
    }
    setBusy(true);
    setErrors(null);
    const result = await session.admin.updateSite({ tickets: built.tickets });
    setBusy(false);
    if (!result.ok) {
      setErrors(formErrors(failureOf(result, UNANSWERED), LAYOUT));
      return;
    }
    setDirty(false);
    setDays(String(result.data.site.tickets.autoCloseWorkingDays));
    setRefuse(result.data.site.tickets.refuseUnentitled);
    setSaved("Ticket settings saved.");
  };

  return (
    <section class="page-section" aria-labelledby="admin-ticket-settings">
      <h3 id="admin-ticket-settings">Ticket settings</h3>
      <form class="admin-form" onSubmit={submit} noValidate aria-busy={busy}>
        <ErrorSummary errors={errors} />
        <TextField
          label="Auto-close resolved tickets after (working days)"
          type="number"
          min={1}
          max={60}
          value={days}
          hint="A resolved ticket closes itself this long after resolution unless the customer answers."
          messages={errorsAt(errors, "autoCloseWorkingDays")}
          onInput={(value) => {
            setDays(value);
            touched();
          }}
        />
        <CheckField
          label="Refuse tickets without entitlement"
          checked={refuse}
          messages={errorsAt(errors, "refuseUnentitled")}
          onChange={(checked) => {
            setRefuse(checked);
            touched();
          }}
        />
        <p class="hint">Unchecked, such tickets are created and flagged instead.</p>
        <div class="form-actions">
          <button type="submit" class="primary" aria-disabled={busy}>
            Save ticket settings
          </button>
          <SavedStatus text={saved} />
        </div>
      </form>
    </section>
  );
}
