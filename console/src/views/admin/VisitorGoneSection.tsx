import type { SiteSettingsDto } from "@parley/shared";
import { errorsAt } from "../../state/issues.ts";
import { localRefusal } from "../../state/sla-plan-form.ts";
import { VISITOR_GONE_BOUNDS, visitorGoneInput } from "../../state/visitor-gone-form.ts";
import { ErrorSummary, SavedStatus } from "./FormErrors.tsx";
import { TextField } from "./fields.tsx";
import { useSiteSettingsForm } from "./useSiteSettingsForm.ts";

const LAYOUT = {
  strip: "visitorGone",
  labels: { leftAfterMinutes: "Visitor left after", closeAfterMinutes: "Close chats of visitors who left after" },
};

/** Chats whose visitor went away: when they show "Visitor left", and when they close themselves. */
export function VisitorGoneSection({ settings }: { settings: SiteSettingsDto }) {
  const { form, edit, errors, busy, saved, submit } = useSiteSettingsForm(settings, {
    formOf: (site) => ({
      left: String(site.visitorGone.leftAfterMinutes),
      close: String(site.visitorGone.closeAfterMinutes),
    }),
    updateOf: (f) => {
      const built = visitorGoneInput(f.left, f.close);
      return built.ok
        ? { ok: true, input: { visitorGone: built.visitorGone } }
        : { ok: false, error: localRefusal(built.issues) };
    },
    layoutOf: () => LAYOUT,
    savedText: "Settings for visitors who leave saved.",
  });

  return (
    <section class="page-section" aria-labelledby="admin-visitor-gone">
      <h3 id="admin-visitor-gone">Visitors who leave</h3>
      <form class="admin-form" onSubmit={submit} noValidate aria-busy={busy}>
        <ErrorSummary errors={errors} />
        <TextField
          label="Show “Visitor left” after the visitor has been disconnected for (minutes)"
          type="number"
          min={VISITOR_GONE_BOUNDS.leftAfterMinutes[0]}
          max={VISITOR_GONE_BOUNDS.leftAfterMinutes[1]}
          value={form.left}
          hint="A waiting chat whose visitor left by then leaves the queue and counts as abandoned. A visitor who comes back keeps their chat."
          messages={errorsAt(errors, "leftAfterMinutes")}
          onInput={(left) => edit({ left })}
        />
        <TextField
          label="Then close the chat after this many minutes without a message (minutes)"
          type="number"
          min={VISITOR_GONE_BOUNDS.closeAfterMinutes[0]}
          max={VISITOR_GONE_BOUNDS.closeAfterMinutes[1]}
          value={form.close}
          hint="The chat closes with a note in the transcript, and the agent's slot frees up for the next chat."
          messages={errorsAt(errors, "closeAfterMinutes")}
          onInput={(close) => edit({ close })}
        />
        <div class="form-actions">
          <button type="submit" class="primary" aria-disabled={busy}>
            Save settings for visitors who leave
          </button>
          <SavedStatus text={saved} />
        </div>
      </form>
    </section>
  );
}
