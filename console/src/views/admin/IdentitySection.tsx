import type { SiteSettingsDto } from "@parley/shared";
import { useState } from "preact/hooks";
import { failureOf } from "../../realtime/socket.ts";
import { errorsAt } from "../../state/issues.ts";
import { useSession } from "../session-context.ts";
import { ErrorSummary, SavedStatus } from "./FormErrors.tsx";
import { CheckField } from "./fields.tsx";
import { useSiteSettingsForm } from "./useSiteSettingsForm.ts";

const UNANSWERED = "The server did not answer; try again.";
const LAYOUT = { labels: { requireVerifiedIdentity: "Require verified identity" } };

/**
 * Verified identity: the secret the site's own server signs its users' identity tokens with (shown on
 * request, never sent to widgets), its rotation, and whether the widget accepts only verified users.
 */
export function IdentitySection({ settings }: { settings: SiteSettingsDto }) {
  const session = useSession();
  const [secret, setSecret] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState("");
  const { form, edit, errors, busy, saved, submit } = useSiteSettingsForm(settings, {
    formOf: (site) => ({ required: site.requireVerifiedIdentity }),
    updateOf: (f) => ({ ok: true, input: { requireVerifiedIdentity: f.required } }),
    layoutOf: () => LAYOUT,
    savedText: "Identity setting saved.",
  });

  const show = async () => {
    const result = await session.admin.identitySecret();
    if (result.ok) setSecret(result.data.secret);
    else setStatus(failureOf(result, UNANSWERED).message);
  };
  const rotate = async () => {
    setConfirming(false);
    const result = await session.admin.rotateIdentitySecret();
    if (result.ok) {
      setSecret(result.data.secret);
      setStatus("New secret made. Tokens signed with the old one no longer work: update your server now.");
    } else setStatus(failureOf(result, UNANSWERED).message);
  };

  return (
    <section class="page-section" aria-labelledby="admin-identity">
      <h3 id="admin-identity">Verified identity</h3>
      <p class="muted">
        Your website's server signs its signed-in user's id, email and name with this secret, and passes the token to
        the widget with <code>Parley('identify', …)</code>. A verified user sees their chats and tickets on every
        device. Keep the secret on your server: never put it in a web page.
      </p>
      {secret === null ? (
        <button type="button" onClick={() => void show()}>
          Show identity secret
        </button>
      ) : (
        <div class="field">
          <label for="admin-identity-secret">Identity secret</label>
          <input id="admin-identity-secret" type="text" readOnly value={secret} spellcheck={false} />
        </div>
      )}
      {confirming ? (
        <p>
          Rotate the secret? Every token signed with the current one stops working at once.{" "}
          <button type="button" class="danger" onClick={() => void rotate()}>
            Rotate now
          </button>{" "}
          <button type="button" onClick={() => setConfirming(false)}>
            Keep the current secret
          </button>
        </p>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          Rotate identity secret…
        </button>
      )}
      <p role="status" class="muted">
        {status}
      </p>
      <form class="admin-form" onSubmit={submit} noValidate aria-busy={busy}>
        <ErrorSummary errors={errors} />
        <CheckField
          label="Require verified identity"
          checked={form.required}
          messages={errorsAt(errors, "requireVerifiedIdentity")}
          onChange={(required) => edit({ required })}
        />
        <p class="hint">
          Checked, the widget works only for visitors your server signed in; everyone else is asked to sign in.
        </p>
        <div class="form-actions">
          <button type="submit" class="primary" aria-disabled={busy}>
            Save identity setting
          </button>
          <SavedStatus text={saved} />
        </div>
      </form>
    </section>
  );
}
