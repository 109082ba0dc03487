import type { SiteSettingsDto } from "@parley/shared";
import type { TargetedSubmitEvent } from "preact";
import { useEffect, useState } from "preact/hooks";
import { failureOf } from "../../realtime/socket.ts";
import type { SiteUpdateResult } from "../../state/hours-form.ts";
import { type FormErrors, formErrors, type IssueLayout } from "../../state/issues.ts";
import { useSession } from "../session-context.ts";

const UNANSWERED = "The server did not answer in time. Reload the page to see whether the settings were saved.";

interface SiteSettingsFormOptions<F> {
  /** The form as the site settings fill it, on first render, after a save, and after another admin's save. */
  formOf: (site: SiteSettingsDto) => F;
  /** The update the form as typed asks for, or why it cannot be sent. */
  updateOf: (form: F) => SiteUpdateResult;
  /** Where the messages about the form as typed go. */
  layoutOf: (form: F) => IssueLayout;
  /** The status after a save. */
  savedText: string;
}

/**
 * One section of the site settings saved on its own with `site:update`: the fields as typed, the messages
 * next to them, and a status line. Another admin's save shows in the form unless this admin is editing it.
 */
export function useSiteSettingsForm<F>(settings: SiteSettingsDto, options: SiteSettingsFormOptions<F>) {
  const { formOf, updateOf, layoutOf, savedText } = options;
  const session = useSession();
  const [form, setForm] = useState(() => formOf(settings));
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState("");

  // Another admin's save shows here, unless this admin is in the middle of editing.
  useEffect(() => {
    if (!dirty) setForm(formOf(settings));
  }, [settings]);

  const edit = (patch: Partial<F>) => {
    setForm((f) => ({ ...f, ...patch }));
    setDirty(true);
    setSaved("");
  };

  const submit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setSaved("");
    const layout = layoutOf(form);
    const built = updateOf(form);
    if (!built.ok) {
      setErrors(formErrors(built.error, layout));
      return;
    }
    setBusy(true);
    setErrors(null);
    const result = await session.admin.updateSite(built.input);
    setBusy(false);
    if (!result.ok) {
      setErrors(formErrors(failureOf(result, UNANSWERED), layout));
      return;
    }
    setForm(formOf(result.data.site));
    setDirty(false);
    setSaved(savedText);
  };

  return { form, edit, errors, setErrors, busy, saved, setSaved, submit };
}
