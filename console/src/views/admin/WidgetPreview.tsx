import { themeCustomProperties } from "@parley/shared/theme-css";
import type { WidgetForm } from "../../state/widget-form.ts";

const DEFAULT_ACCENT = "#1f4fd1";
const HEX = /^#[0-9a-fA-F]{6}$/;

/**
 * The launcher and the panel's header as a visitor would see them, redrawn as the admin types. It
 * sets the same custom properties the widget reads (@parley/shared/theme-css); text is shown as text. Not
 * interactive: it is a picture of the widget, not a second one.
 */
export function WidgetPreview({ form }: { form: WidgetForm }) {
  const colour = (value: string, fallback: string) => (HEX.test(value.trim()) ? value.trim() : fallback);
  const style = themeCustomProperties({
    accentColour: colour(form.accentColour, DEFAULT_ACCENT),
    accentTextColour: colour(form.accentTextColour, "#ffffff"),
    position: form.position,
  });
  const avatar = /^https:\/\//i.test(form.avatarUrl.trim()) ? form.avatarUrl.trim() : "";
  return (
    <figure
      class="widget-preview"
      style={style}
      data-side={form.position}
      data-scheme={form.colourScheme}
      aria-labelledby="widget-preview-caption"
    >
      <figcaption id="widget-preview-caption">
        Preview
        {form.colourScheme === "auto" ? " (light; dark for visitors whose system is set to dark)" : ""}
      </figcaption>
      <div class="preview-stage">
        <div class="preview-panel" data-testid="preview-panel">
          <div class="preview-header" data-testid="preview-header">
            {avatar && <img class="preview-avatar" src={avatar} alt="" width={28} height={28} />}
            <span class="preview-title">{form.teamName.trim() || "Chat with support"}</span>
          </div>
          <p class="preview-greeting">{form.greeting.trim() || "Hi! Tell us who you are and how we can help."}</p>
        </div>
        <span class="preview-launcher" data-testid="preview-launcher">
          <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
            <path
              d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z"
              fill="currentColor"
            />
          </svg>
          {form.launcherLabel.trim() || "Live Chat"}
        </span>
      </div>
    </figure>
  );
}
