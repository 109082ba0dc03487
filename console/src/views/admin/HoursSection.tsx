import { POLICY_CALENDAR, type SiteSettingsDto } from "@parley/shared";
import type { AssignmentMode } from "@parley/shared/constants";
import { useId } from "preact/hooks";
import {
  hoursFormOf,
  hoursIssueLayout,
  newClosedDateRow,
  newExtraOpeningRow,
  siteUpdateOf,
  withCalendar,
} from "../../state/hours-form.ts";
import { errorsAt } from "../../state/issues.ts";
import { DatedRows } from "./DatedRows.tsx";
import { ErrorSummary, FieldError, SavedStatus } from "./FormErrors.tsx";
import { TextField } from "./fields.tsx";
import { TimeSpanFields } from "./TimeSpanFields.tsx";
import { useSiteSettingsForm } from "./useSiteSettingsForm.ts";
import { WeeklyRows } from "./WeeklyRows.tsx";

const MODES: { value: AssignmentMode; label: string; hint: string }[] = [
  { value: "auto", label: "Automatic", hint: "Each waiting chat rings one online agent at a time." },
  { value: "manual", label: "Manual", hint: "Agents pick waiting chats themselves." },
];

/** Time-zone names this browser knows, for suggestions only: the server decides what it accepts. */
const TIME_ZONES = [
  "UTC",
  // Missing before Safari 15.4; the field works without suggestions.
  ...(typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : []).filter(
    (z) => z !== "UTC",
  ),
];

export function HoursSection({ settings }: { settings: SiteSettingsDto }) {
  const { form, edit, errors, setErrors, busy, saved, setSaved, submit } = useSiteSettingsForm(settings, {
    formOf: hoursFormOf,
    updateOf: siteUpdateOf,
    layoutOf: hoursIssueLayout,
    savedText: "Saved.",
  });
  const ids = { zones: useId(), mode: useId(), modeError: useId() };

  const usePolicy = () => {
    edit(withCalendar(form, POLICY_CALENDAR));
    // The rows are new, so messages about the old ones have nowhere to go.
    setErrors(null);
    setSaved("The policy hours are in the form. Save to apply them.");
  };

  return (
    <section class="page-section" aria-labelledby="admin-hours">
      <h3 id="admin-hours">Support hours and routing</h3>
      <form class="admin-form" onSubmit={submit} noValidate aria-busy={busy}>
        <ErrorSummary errors={errors} />
        <fieldset
          class="radios"
          aria-describedby={errorsAt(errors, "assignmentMode").length ? ids.modeError : undefined}
        >
          <legend>Assignment mode</legend>
          {MODES.map((m) => (
            <label key={m.value}>
              <input
                type="radio"
                name={ids.mode}
                value={m.value}
                checked={form.assignmentMode === m.value}
                onChange={() => edit({ assignmentMode: m.value })}
              />{" "}
              {m.label} <span class="muted">{m.hint}</span>
            </label>
          ))}
          <FieldError id={ids.modeError} messages={errorsAt(errors, "assignmentMode")} />
        </fieldset>
        <div class="field-grid">
          <TextField
            label="Offer timeout (seconds)"
            type="number"
            min={1}
            max={600}
            value={form.offerTimeout}
            hint="How long a chat rings one agent before it moves on."
            messages={errorsAt(errors, "offerTimeoutSeconds")}
            onInput={(offerTimeout) => edit({ offerTimeout })}
          />
          <TextField
            label="Time zone"
            value={form.timeZone}
            list={ids.zones}
            autoComplete="off"
            hint='The hours below are in this zone, e.g. "Europe/Berlin".'
            messages={errorsAt(errors, "timeZone")}
            onInput={(timeZone) => edit({ timeZone })}
          />
          <datalist id={ids.zones}>
            {TIME_ZONES.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </div>
        <WeeklyRows rows={form.weekly} errors={errors} onChange={(weekly) => edit({ weekly })} />
        {/* Holidays: no weekly range that starts on these dates opens. Extra openings still do. */}
        <DatedRows
          noun="closed date"
          errorPath="closedDates"
          newRow={newClosedDateRow}
          rows={form.closedDates}
          errors={errors}
          onChange={(closedDates) => edit({ closedDates })}
          rest={(row, { at, patch }) => (
            <TextField
              label="Note"
              value={row.note}
              class="field--wide"
              messages={at("note")}
              onInput={(note) => patch({ note })}
            />
          )}
        />
        {/* One-off openings (arranged weekend support); they apply even on a closed date. */}
        <DatedRows
          noun="extra opening"
          errorPath="extraOpenings"
          newRow={newExtraOpeningRow}
          rows={form.extraOpenings}
          errors={errors}
          onChange={(extraOpenings) => edit({ extraOpenings })}
          rest={(row, { at, patch }) => <TimeSpanFields span={row} at={at} onChange={patch} />}
        />
        <div class="form-actions">
          <button type="button" onClick={usePolicy}>
            Use the policy hours
          </button>
          <button type="submit" class="primary" aria-disabled={busy}>
            Save
          </button>
          <SavedStatus text={saved} />
        </div>
      </form>
    </section>
  );
}
