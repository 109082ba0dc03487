import type { Environment, Product } from "@parley/shared";
import { MAX_EMAIL_LENGTH, MAX_NAME_LENGTH } from "@parley/shared/constants";
import type { StartDraft } from "../chat-state.ts";
import { captureEnvironment } from "../environment.ts";
import { text } from "../i18n/language.ts";
import { isPlausibleEmail, isSubmitKey, lengthProblem } from "../message-rules.ts";
import { ProductField } from "./ProductField.tsx";
import { type Errors, useForm } from "./use-form.tsx";

export interface PreChatProps {
  initial: StartDraft;
  /** The site's products; the Product field is shown only if there are any. */
  products: readonly Product[];
  /** Why the server refused the last attempt, if it did. */
  failure: string | null;
  /** With the page the visitor is on (captureEnvironment, taken as they send). */
  onStart: (draft: StartDraft, environment: Environment) => void;
  /** What to expect when nobody can answer right away; the usual greeting otherwise. */
  expectation?: string | null;
  /** The site's greeting, shown as text at the top of a new chat; empty: the usual sentence. */
  greeting?: string;
}

const IDS: Record<keyof StartDraft, string> = {
  name: "parley-name",
  email: "parley-email",
  product: "parley-product",
  body: "parley-first-message",
};

export function PreChatForm({ initial, products, failure, onStart, expectation = null, greeting = "" }: PreChatProps) {
  const { form, submit, field, error } = useForm(initial, IDS, validate, (draft) =>
    onStart(draft, captureEnvironment()),
  );
  const t = text();

  return (
    <form class="pre-chat" ref={form} onSubmit={submit} noValidate>
      {greeting && <p class="intro greeting-text">{greeting}</p>}
      {(expectation || !greeting) && <p class="intro">{expectation ?? t.greeting}</p>}
      {failure && (
        <p class="error" role="alert">
          {t.startFailed(failure)}
        </p>
      )}
      <div class="field">
        <label for={IDS.name}>{t.name}</label>
        <input {...field("name")} type="text" autocomplete="name" maxLength={MAX_NAME_LENGTH} required data-autofocus />
        {error("name")}
      </div>
      <div class="field">
        <label for={IDS.email}>{t.email}</label>
        <input
          {...field("email", "parley-email-hint")}
          type="email"
          autocomplete="email"
          maxLength={MAX_EMAIL_LENGTH}
        />
        <p class="hint" id="parley-email-hint">
          {t.emailOptional}
        </p>
        {error("email")}
      </div>
      <ProductField {...field("product")} products={products} />
      <div class="field">
        <label for={IDS.body}>{t.messageLabel}</label>
        <textarea
          {...field("body")}
          rows={4}
          required
          onKeyDown={(e) => {
            if (isSubmitKey(e)) {
              e.preventDefault();
              form.current?.requestSubmit();
            }
          }}
        />
        {error("body")}
      </div>
      <button type="submit" class="primary">
        {t.startChat}
      </button>
    </form>
  );
}

function validate(draft: StartDraft): Errors<StartDraft> {
  const errors: Errors<StartDraft> = {};
  const t = text();
  if (!draft.name.trim()) errors.name = t.enterName;
  const email = draft.email.trim();
  if (email && !isPlausibleEmail(email)) errors.email = t.validEmailOrEmpty;
  const body = draft.body.trim();
  if (!body) errors.body = t.enterMessage;
  else {
    const problem = lengthProblem(body.length);
    if (problem) errors.body = problem;
  }
  return errors;
}
