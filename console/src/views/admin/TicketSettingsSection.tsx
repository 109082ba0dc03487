import type { SiteSettingsDto } from "@parley/shared";
import { errorsAt } from "../../state/issues.ts";
import { localRefusal, ticketSettingsInput } from "../../state/sla-plan-form.ts";
import { ErrorSummary, SavedStatus } from "./FormErrors.tsx";
import { CheckField, TextField } from "./fields.tsx";
import { useSiteSettingsForm } from "./useSiteSettingsForm.ts";

const LAYOUT = {
  strip: "tickets",
  labels: { autoCloseWorkingDays: "Auto-close", refuseUnentitled: "Refuse tickets without entitlement" },
};

/** How long a resolved ticket waits for the customer, and what happens to tickets without entitlement. */
export function TicketSettingsSection({ settings }: { settings: SiteSettingsDto }) {
  const { form, edit, errors, busy, saved, submit } = useSiteSettingsForm(settings, {
    formOf: (site) => ({ days: String(site.tickets.autoCloseWorkingDays), refuse: site.tickets.refuseUnentitled }),
    updateOf: (f) => {
      // The plans go as they are now on the server: this form does not edit them.
      const built = ticketSettingsInput(settings.tickets, f.days, f.refuse);
      return built.ok
        ? { ok: true, input: { tickets: built.tickets } }
        : { ok: false, error: localRefusal(built.issues) };
    },
    layoutOf: () => LAYOUT,
    savedText: "Ticket settings saved.",
  });

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
          value={form.days}
          hint="A resolved ticket closes itself this long after resolution unless the customer answers."
          messages={errorsAt(errors, "autoCloseWorkingDays")}
          onInput={(days) => edit({ days })}
        />
        <CheckField
          label="Refuse tickets without entitlement"
          checked={form.refuse}
          messages={errorsAt(errors, "refuseUnentitled")}
          onChange={(refuse) => edit({ refuse })}
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
