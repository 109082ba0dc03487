import type { Product } from "@parley/shared";
import { MAX_EMAIL_LENGTH, MAX_NAME_LENGTH } from "@parley/shared/constants";
import type { StartDraft } from "../chat-state.ts";
import { isPlausibleEmail, isSubmitKey, lengthProblem } from "../message-rules.ts";
import { ProductField } from "./ProductField.tsx";
import { type Errors, useForm } from "./use-form.tsx";

interface Props {
  initial: StartDraft;
  /** The site's products; the Product field is shown only if there are any. */
  products: readonly Product[];
  /** Why the server refused the last attempt, if it did. */
  failure: string | null;
  onStart: (draft: StartDraft) => void;
  /** What to expect when nobody can answer right away (issue 14); the usual greeting otherwise. */
  expectation?: string | null;
  /** The site's greeting (issue 14), shown as text at the top of a new chat; empty: the usual sentence. */
  greeting?: string;
}

const IDS: Record<keyof StartDraft, string> = {
  name: "parley-name",
  email: "parley-email",
  product: "parley-product",
  body: "parley-first-message",
};

export function PreChatForm({ initial, products, failure, onStart, expectation = null, greeting = "" }: Props) {
  const { form, submit, field, error } = useForm(initial, IDS, validate, onStart);

  return (
    <form class="pre-chat" ref={form} onSubmit={submit} noValidate>
      {greeting && <p class="intro greeting-text">{greeting}</p>}
      {(expectation || !greeting) && (
        <p class="intro">{expectation ?? "Hi! Tell us who you are and how we can help."}</p>
      )}
      {failure && (
        <p class="error" role="alert">
          Your chat could not be started: {failure}.
        </p>
      )}
      <div class="field">
        <label for={IDS.name}>Name</label>
        <input {...field("name")} type="text" autocomplete="name" maxLength={MAX_NAME_LENGTH} required data-autofocus />
        {error("name")}
      </div>
      <div class="field">
        <label for={IDS.email}>Email</label>
        <input
          {...field("email", "parley-email-hint")}
          type="email"
          autocomplete="email"
          maxLength={MAX_EMAIL_LENGTH}
        />
        <p class="hint" id="parley-email-hint">
          Optional, so we can follow up.
        </p>
        {error("email")}
      </div>
      <ProductField {...field("product")} products={products} />
      <div class="field">
        <label for={IDS.body}>Message</label>
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
        Start chat
      </button>
    </form>
  );
}

function validate(draft: StartDraft): Errors<StartDraft> {
  const errors: Errors<StartDraft> = {};
  if (!draft.name.trim()) errors.name = "Please enter your name.";
  const email = draft.email.trim();
  if (email && !isPlausibleEmail(email)) errors.email = "Please enter a valid email address, or leave it empty.";
  const body = draft.body.trim();
  if (!body) errors.body = "Please enter a message.";
  else {
    const problem = lengthProblem(body.length);
    if (problem) errors.body = problem;
  }
  return errors;
}
