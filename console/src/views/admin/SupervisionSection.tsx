import type { SiteSettingsDto } from "@parley/shared";
import { errorsAt } from "../../state/issues.ts";
import { localRefusal } from "../../state/sla-plan-form.ts";
import { supervisionInput } from "../../state/supervision-form.ts";
import { ErrorSummary, SavedStatus } from "./FormErrors.tsx";
import { TextField } from "./fields.tsx";
import { useSiteSettingsForm } from "./useSiteSettingsForm.ts";

const LAYOUT = {
  strip: "supervision",
  labels: { queueWaitAlertSeconds: "Queue wait alert", unansweredAlertSeconds: "Unanswered visitor alert" },
};

/** When the wall raises a chat alert: a long wait in the queue, or a visitor waiting for an answer. */
export function SupervisionSection({ settings }: { settings: SiteSettingsDto }) {
  const { form, edit, errors, busy, saved, submit } = useSiteSettingsForm(settings, {
    formOf: (site) => ({
      queueWait: String(site.supervision.queueWaitAlertSeconds),
      unanswered: String(site.supervision.unansweredAlertSeconds),
    }),
    updateOf: (f) => {
      const built = supervisionInput(f.queueWait, f.unanswered);
      return built.ok
        ? { ok: true, input: { supervision: built.supervision } }
        : { ok: false, error: localRefusal(built.issues) };
    },
    layoutOf: () => LAYOUT,
    savedText: "Supervision alerts saved.",
  });

  return (
    <section class="page-section" aria-labelledby="admin-supervision">
      <h3 id="admin-supervision">Supervision alerts</h3>
      <form class="admin-form" onSubmit={submit} noValidate aria-busy={busy}>
        <ErrorSummary errors={errors} />
        <TextField
          label="Alert when a chat waits in the queue longer than (seconds)"
          type="number"
          min={10}
          max={86_400}
          value={form.queueWait}
          hint="Supervisors and admins see the alert on the wall until an agent accepts the chat."
          messages={errorsAt(errors, "queueWaitAlertSeconds")}
          onInput={(queueWait) => edit({ queueWait })}
        />
        <TextField
          label="Alert when a visitor waits for an answer longer than (seconds)"
          type="number"
          min={10}
          max={86_400}
          value={form.unanswered}
          hint="Counted from the visitor's last message in an accepted chat until someone on the team answers."
          messages={errorsAt(errors, "unansweredAlertSeconds")}
          onInput={(unanswered) => edit({ unanswered })}
        />
        <div class="form-actions">
          <button type="submit" class="primary" aria-disabled={busy}>
            Save supervision alerts
          </button>
          <SavedStatus text={saved} />
        </div>
      </form>
    </section>
  );
}
