import { type SiteSettingsDto, type SlaDuration, type SlaPlan, STANDARD_SLA_PLAN } from "@parley/shared";
import { PRIORITIES, type Priority } from "@parley/shared/constants";
import { useState } from "preact/hooks";
import { failureOf } from "../../realtime/socket.ts";
import { errorsAt, type FormErrors, formErrors, plainErrors } from "../../state/issues.ts";
import {
  type DurationUnit,
  EDITED_PLAN,
  localRefusal,
  type PlanForm,
  planFormOf,
  planIssueLayout,
  planOf,
  plansWith,
  plansWithout,
  UNIT_LABELS,
  withPlanId,
  withPlanName,
  withTarget,
} from "../../state/sla-plan-form.ts";
import { PRIORITY_LABELS } from "../../state/ticket.ts";
import { type Column, DataTable } from "../DataTable.tsx";
import { useSession } from "../session-context.ts";
import { SelectField } from "../tickets/fields.tsx";
import { EditorForm, useEditorForm } from "./EditorForm.tsx";
import { EditorSlot, useEditorSlot } from "./EditorSlot.tsx";
import { ErrorSummary } from "./FormErrors.tsx";
import { TextField } from "./fields.tsx";

const UNANSWERED = "The server did not answer in time. Reload the page to see whether the plans were saved.";
const UNIT_OPTIONS = (Object.keys(UNIT_LABELS) as DurationUnit[]).map((u) => ({ value: u, label: UNIT_LABELS[u] }));
const WORKAROUND_OPTIONS = [{ value: "none" as const, label: "No target" }, ...UNIT_OPTIONS];

const durationText = (d: SlaDuration | null) => (d ? `${d.amount} ${UNIT_LABELS[d.unit]}` : "None");

/** The built-in standard plan (read only) and the site's priority-support plans. */
export function SlaPlansSection({ settings }: { settings: SiteSettingsDto }) {
  const session = useSession();
  const plans = settings.tickets.slaPlans;
  const editor = useEditorSlot<SlaPlan>();
  const [deleteError, setDeleteError] = useState<FormErrors | null>(null);

  const remove = async (plan: SlaPlan) => {
    if (!window.confirm(`Delete the plan ${plan.name}? Customers on it must be moved to another plan first.`)) return;
    editor.setSaved("");
    setDeleteError(null);
    const result = await session.admin.updateSite({
      tickets: { ...settings.tickets, slaPlans: plansWithout(plans, plan.id) },
    });
    if (result.ok) editor.setSaved(`Plan ${plan.name} deleted.`);
    else setDeleteError(plainErrors(failureOf(result, UNANSWERED)));
  };

  return (
    <section class="page-section" aria-labelledby="admin-sla-plans">
      <h3 id="admin-sla-plans">SLA plans</h3>
      <p class="hint">Targets count working time on the support calendar. Customers are put on a plan on their page.</p>
      <PlanTable plan={STANDARD_SLA_PLAN} caption="Standard (built in, cannot change)" />
      {plans.map((plan) => (
        <div key={plan.id} class="plan">
          <PlanTable plan={plan} caption={`${plan.name} (${plan.id})`} />
          <div class="form-actions">
            <button type="button" class="quiet" aria-label={`Edit plan ${plan.name}`} onClick={() => editor.open(plan)}>
              Edit
            </button>
            <button
              type="button"
              class="quiet"
              aria-label={`Delete plan ${plan.name}`}
              onClick={() => void remove(plan)}
            >
              Delete
            </button>
          </div>
        </div>
      ))}
      <ErrorSummary errors={deleteError} />
      <EditorSlot slot={editor} addLabel="Add plan">
        {(edited) => (
          <PlanEditor
            plan={edited}
            settings={settings}
            onSaved={(plan) => editor.done(`Plan ${plan.name} saved.`)}
            onCancel={editor.close}
          />
        )}
      </EditorSlot>
    </section>
  );
}

function PlanTable({ plan, caption }: { plan: SlaPlan; caption: string }) {
  const columns: Column<Priority>[] = [
    { key: "priority", header: "Priority", rowHeader: true, cell: (p) => PRIORITY_LABELS[p] },
    { key: "response", header: "First response", cell: (p) => durationText(plan.targets[p].response) },
    { key: "workaround", header: "Workaround", cell: (p) => durationText(plan.targets[p].workaround) },
  ];
  return (
    <DataTable
      name={{ caption, visible: true }}
      class="data-table plan-table"
      scroll
      columns={columns}
      rows={PRIORITIES}
      rowKey={(p: Priority) => p}
      empty="No targets."
    />
  );
}

interface PlanEditorProps {
  plan: SlaPlan | null;
  settings: SiteSettingsDto;
  onSaved: (plan: SlaPlan) => void;
  onCancel: () => void;
}

function PlanEditor({ plan, settings, onSaved, onCancel }: PlanEditorProps) {
  const session = useSession();
  const [form, setForm] = useState<PlanForm>(() => planFormOf(plan, STANDARD_SLA_PLAN));
  const editor = useEditorForm();
  const title = plan ? `Edit plan ${plan.name}` : "New plan";
  const at = (path: string) => errorsAt(editor.errors, `slaPlans.${EDITED_PLAN}.${path}`);

  const submit = () => {
    const current = settings.tickets.slaPlans;
    const built = planOf(form);
    const index = form.originalId === null ? current.length : current.findIndex((p) => p.id === form.originalId);
    if (!built.ok) {
      // Only the rows' positions matter to the layout; a new plan would go last.
      const layout = planIssueLayout(form.originalId === null ? [...current, STANDARD_SLA_PLAN] : current, index);
      editor.setErrors(formErrors(localRefusal(built.issues, `tickets.slaPlans.${index}.`), layout));
      return;
    }
    const sent = plansWith(current, form.originalId, built.plan);
    void editor.save(session.admin.updateSite({ tickets: { ...settings.tickets, slaPlans: sent } }), {
      layout: planIssueLayout(sent, sent.indexOf(built.plan)),
      unanswered: UNANSWERED,
      onSaved: () => onSaved(built.plan),
    });
  };

  return (
    <EditorForm
      state={editor}
      title={title}
      saveLabel="Save plan"
      class="plan-editor"
      onSubmit={submit}
      onCancel={onCancel}
    >
      <div class="field-grid">
        <TextField
          label="Plan name"
          value={form.name}
          inputRef={editor.firstRef}
          messages={at("name")}
          onInput={(name) => setForm((f) => withPlanName(f, name))}
        />
        <TextField
          label="Plan id"
          value={form.id}
          readOnly={form.originalId !== null}
          hint={form.originalId !== null ? "Customers refer to it, so it cannot change." : "a-z, 0-9 and -"}
          messages={at("id")}
          onInput={(id) => setForm((f) => withPlanId(f, id))}
        />
      </div>
      {PRIORITIES.map((p) => {
        const row = form.targets[p];
        const label = PRIORITY_LABELS[p];
        return (
          <fieldset key={p} class="row-group">
            <legend>{label}</legend>
            <div class="field-grid">
              <TextField
                label={`${label} response within`}
                type="number"
                min={0}
                value={row.responseAmount}
                messages={at(`targets.${p}.response.amount`)}
                onInput={(responseAmount) => setForm((f) => withTarget(f, p, { responseAmount }))}
              />
              <SelectField
                label={`${label} response unit`}
                value={row.responseUnit}
                options={UNIT_OPTIONS}
                messages={at(`targets.${p}.response.unit`)}
                onChange={(responseUnit) => setForm((f) => withTarget(f, p, { responseUnit }))}
              />
              <SelectField
                label={`${label} workaround unit`}
                value={row.workaroundUnit}
                options={WORKAROUND_OPTIONS}
                messages={at(`targets.${p}.workaround.unit`)}
                onChange={(workaroundUnit) => setForm((f) => withTarget(f, p, { workaroundUnit }))}
              />
              {row.workaroundUnit !== "none" && (
                <TextField
                  label={`${label} workaround within`}
                  type="number"
                  min={0}
                  value={row.workaroundAmount}
                  messages={at(`targets.${p}.workaround.amount`)}
                  onInput={(workaroundAmount) => setForm((f) => withTarget(f, p, { workaroundAmount }))}
                />
              )}
            </div>
          </fieldset>
        );
      })}
    </EditorForm>
  );
}
