import type { SiteSettingsDto } from "@parley/shared";
import type { TargetedSubmitEvent } from "preact";
import { useEffect, useState } from "preact/hooks";
import { failureOf } from "../../realtime/socket.ts";
import { errorsAt, type FormErrors, formErrors } from "../../state/issues.ts";
import { localRefusal } from "../../state/sla-plan-form.ts";
import { supervisionInput } from "../../state/supervision-form.ts";
import { useSession } from "../session-context.ts";
import { ErrorSummary, SavedStatus } from "./FormErrors.tsx";
import { TextField } from "./fields.tsx";

const UNANSWERED = "The server did not answer in time. Reload the page to see whether the settings were saved.";
const LAYOUT = {
  strip: "supervision",
  labels: { queueWaitAlertSeconds: "Queue wait alert", unansweredAlertSeconds: "Unanswered visitor alert" },
};

/** When the wall raises a chat alert (issue 5): a long wait in the queue, or a visitor waiting for an answer. */
export function SupervisionSection({ settings }: { settings: SiteSettingsDto }) {
  const session = useSession();
  const [queueWait, setQueueWait] = useState(String(settings.supervision.queueWaitAlertSeconds));
  const [unanswered, setUnanswered] = useState(String(settings.supervision.unansweredAlertSeconds));
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState("");

  // Another admin's save shows here, unless this admin is in the middle of editing.
  useEffect(() => {
    if (dirty) return;
    setQueueWait(String(settings.supervision.queueWaitAlertSeconds));
    setUnanswered(String(settings.supervision.unansweredAlertSeconds));
  }, [settings]);

  const touched = () => {
    setDirty(true);
    setSaved("");
  };

  const submit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setSaved("");
    const built = supervisionInput(queueWait, unanswered);
    if (!built.ok) {
      setErrors(formErrors(localRefusal(built.issues), LAYOUT));
      return;
    }
    setBusy(true);
    setErrors(null);
    const result = await session.admin.updateSite({ supervision: built.supervision });
    setBusy(false);
    if (!result.ok) {
      setErrors(formErrors(failureOf(result, UNANSWERED), LAYOUT));
      return;
    }
    setDirty(false);
    setQueueWait(String(result.data.site.supervision.queueWaitAlertSeconds));
    setUnanswered(String(result.data.site.supervision.unansweredAlertSeconds));
    setSaved("Supervision alerts saved.");
  };

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
          value={queueWait}
          hint="Supervisors and admins see the alert on the wall until an agent accepts the chat."
          messages={errorsAt(errors, "queueWaitAlertSeconds")}
          onInput={(value) => {
            setQueueWait(value);
            touched();
          }}
        />
        <TextField
          label="Alert when a visitor waits for an answer longer than (seconds)"
          type="number"
          min={10}
          max={86_400}
          value={unanswered}
          hint="Counted from the visitor's last message in an accepted chat until someone on the team answers."
          messages={errorsAt(errors, "unansweredAlertSeconds")}
          onInput={(value) => {
            setUnanswered(value);
            touched();
          }}
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
