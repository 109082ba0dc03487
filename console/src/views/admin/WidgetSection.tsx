import type { SiteSettingsDto } from "@parley/shared";
import { useId } from "preact/hooks";
import { errorsAt, errorsUnder } from "../../state/issues.ts";
import { localRefusal } from "../../state/sla-plan-form.ts";
import { accentContrast, type WidgetForm, widgetFormOf, widgetInput } from "../../state/widget-form.ts";
import { ErrorSummary, FieldError, invalidProps, SavedStatus } from "./FormErrors.tsx";
import { CheckField, TextField } from "./fields.tsx";
import { useSiteSettingsForm } from "./useSiteSettingsForm.ts";
import { WidgetPreview } from "./WidgetPreview.tsx";

const LAYOUT = {
  strip: "widget",
  labels: {
    theme: "Look",
    proactive: "Greeting bubble",
    accentColour: "Accent colour",
    accentTextColour: "Text colour on the accent",
    launcherLabel: "Launcher label",
    greeting: "Greeting",
    teamName: "Team name",
    avatarUrl: "Avatar",
    message: "Message",
    delaySeconds: "Delay",
    paths: "Pages",
  },
};

/**
 * The chat widget on the customer's site: its look, a greeting bubble on chosen pages, and the sound
 * on a reply. A contrast below WCAG AA between the launcher's text and the accent is refused on save, and shown
 * while typing.
 */
export function WidgetSection({ settings }: { settings: SiteSettingsDto }) {
  const { form, edit, errors, busy, saved, submit } = useSiteSettingsForm<WidgetForm>(settings, {
    formOf: (site) => widgetFormOf(site.widget),
    updateOf: (f) => {
      const built = widgetInput(f);
      return built.ok
        ? { ok: true, input: { widget: built.widget } }
        : { ok: false, error: localRefusal(built.issues) };
    },
    layoutOf: () => LAYOUT,
    savedText: "Chat widget settings saved. Visitors see them within a minute.",
  });
  const contrast = accentContrast(form);

  return (
    <section class="page-section" aria-labelledby="admin-widget">
      <h3 id="admin-widget">Chat widget</h3>
      <div class="widget-settings">
        <form class="admin-form" onSubmit={submit} noValidate aria-busy={busy}>
          <ErrorSummary errors={errors} />
          <h4>Look</h4>
          <ColourField
            label="Accent colour (#rrggbb)"
            value={form.accentColour}
            messages={errorsAt(errors, "theme.accentColour")}
            hint="The launcher, the chat's header, the visitor's messages and the main buttons."
            onInput={(accentColour) => edit({ accentColour })}
          />
          <ColourField
            label="Text colour on the accent (#rrggbb)"
            value={form.accentTextColour}
            messages={errorsAt(errors, "theme.accentTextColour")}
            onInput={(accentTextColour) => edit({ accentTextColour })}
          />
          <p class={contrast && !contrast.passes ? "contrast field-error" : "contrast hint"} role="status">
            {contrast
              ? `Contrast ${contrast.text}: ${contrast.passes ? "passes" : "fails"} WCAG AA (4.5:1 needed)${contrast.passes ? "." : "; it cannot be saved."}`
              : "Contrast: enter both colours as #rrggbb."}
          </p>
          <SelectField
            label="Launcher position"
            value={form.position}
            options={[
              ["right", "Bottom right"],
              ["left", "Bottom left"],
            ]}
            onChange={(position) => edit({ position: position as WidgetForm["position"] })}
          />
          <SelectField
            label="Colour scheme"
            value={form.colourScheme}
            options={[
              ["auto", "Follow the visitor's system (light or dark)"],
              ["light", "Always light"],
              ["dark", "Always dark"],
            ]}
            onChange={(colourScheme) => edit({ colourScheme: colourScheme as WidgetForm["colourScheme"] })}
          />
          <TextField
            label="Launcher label"
            value={form.launcherLabel}
            messages={errorsAt(errors, "theme.launcherLabel")}
            onInput={(launcherLabel) => edit({ launcherLabel })}
          />
          <TextField
            label="Greeting at the top of a new chat"
            value={form.greeting}
            hint="Leave empty for “Hi! Tell us who you are and how we can help.”"
            messages={errorsAt(errors, "theme.greeting")}
            onInput={(greeting) => edit({ greeting })}
          />
          <TextField
            label="Team name"
            value={form.teamName}
            hint="The chat's title; leave empty for “Chat with support”."
            messages={errorsAt(errors, "theme.teamName")}
            onInput={(teamName) => edit({ teamName })}
          />
          <TextField
            label="Avatar address (https://…)"
            value={form.avatarUrl}
            hint="A square picture shown beside the title; leave empty for none."
            messages={errorsAt(errors, "theme.avatarUrl")}
            onInput={(avatarUrl) => edit({ avatarUrl })}
          />

          <h4>Greeting bubble</h4>
          <CheckField
            label="Show a greeting bubble beside the launcher"
            checked={form.proactiveEnabled}
            onChange={(proactiveEnabled) => edit({ proactiveEnabled })}
          />
          <TextField
            label="Bubble message"
            value={form.proactiveMessage}
            messages={errorsAt(errors, "proactive.message")}
            onInput={(proactiveMessage) => edit({ proactiveMessage })}
          />
          <TextField
            label="Show it after (seconds on the page)"
            type="number"
            min={1}
            max={600}
            value={form.delayText}
            messages={errorsAt(errors, "proactive.delaySeconds")}
            onInput={(delayText) => edit({ delayText })}
          />
          <TextAreaField
            label="On these pages (one a line; * stands for anything)"
            value={form.pathsText}
            hint="For example /pricing* for the pricing page and everything under it, or /* for every page. Shown once per visit, never while the visitor is typing, over an open chat or to a visitor who already has one."
            messages={errorsUnder(errors, "proactive.paths")}
            onInput={(pathsText) => edit({ pathsText })}
          />

          <h4>Replies while the chat is closed</h4>
          <p class="hint">The page title flashes “(1) New message” and the launcher shows a count.</p>
          <CheckField
            label="Also play a short sound (after the visitor has clicked or typed on the page)"
            checked={form.sound}
            onChange={(sound) => edit({ sound })}
          />
          <div class="form-actions">
            <button type="submit" class="primary" aria-disabled={busy}>
              Save chat widget settings
            </button>
            <SavedStatus text={saved} />
          </div>
        </form>
        <WidgetPreview form={form} />
      </div>
    </section>
  );
}

const HEX = /^#[0-9a-fA-F]{6}$/;

function ColourField(props: {
  label: string;
  value: string;
  messages: readonly string[];
  hint?: string;
  onInput: (value: string) => void;
}) {
  const { label, value, messages, hint, onInput } = props;
  return (
    <div class="colour-field">
      <TextField label={label} value={value} messages={messages} hint={hint} onInput={onInput} />
      <input
        type="color"
        class="colour-picker"
        aria-label={`${label.replace(/ \(#rrggbb\)$/, "")}: picker`}
        value={HEX.test(value.trim()) ? value.trim().toLowerCase() : "#000000"}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
    </div>
  );
}

function SelectField(props: {
  label: string;
  value: string;
  options: ReadonlyArray<readonly [string, string]>;
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        {props.options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

function TextAreaField(props: {
  label: string;
  value: string;
  hint: string;
  messages: readonly string[];
  onInput: (value: string) => void;
}) {
  const id = useId();
  const hintId = useId();
  const errorId = useId();
  const invalid = invalidProps(errorId, props.messages);
  return (
    <div class="field field--wide">
      <label for={id}>{props.label}</label>
      <textarea
        id={id}
        rows={3}
        value={props.value}
        aria-invalid={invalid["aria-invalid"]}
        aria-describedby={[hintId, invalid["aria-describedby"]].filter(Boolean).join(" ")}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
      <p id={hintId} class="hint">
        {props.hint}
      </p>
      <FieldError id={errorId} messages={props.messages} />
    </div>
  );
}
