import type { Product } from "@parley/shared";
import { MAX_EMAIL_LENGTH, MAX_NAME_LENGTH } from "@parley/shared/constants";
import { useRef, useState } from "preact/hooks";
import type { StartDraft } from "../chat-state.ts";
import { isPlausibleEmail, isSubmitKey, lengthProblem } from "../message-rules.ts";
import { ProductSelect } from "./ProductSelect.tsx";

interface Props {
  initial: StartDraft;
  /** The site's products; the Product field is shown only if there are any. */
  products: readonly Product[];
  /** Why the server refused the last attempt, if it did. */
  failure: string | null;
  onStart: (draft: StartDraft) => void;
}

type Field = keyof StartDraft;
type Errors = Partial<Record<Field, string>>;

const IDS: Record<Field, string> = {
  name: "parley-name",
  email: "parley-email",
  product: "parley-product",
  body: "parley-first-message",
};

export function PreChatForm({ initial, products, failure, onStart }: Props) {
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<Errors>({});
  const form = useRef<HTMLFormElement>(null);

  const submit = (event: Event) => {
    event.preventDefault();
    const found = validate(draft);
    setErrors(found);
    const first = (Object.keys(IDS) as Field[]).find((f) => found[f]);
    if (first) {
      form.current?.querySelector<HTMLElement>(`#${IDS[first]}`)?.focus();
      return;
    }
    onStart(draft);
  };

  const field = (name: Field) => ({
    id: IDS[name],
    value: draft[name],
    "aria-invalid": errors[name] ? ("true" as const) : undefined,
    "aria-describedby": errors[name] ? `${IDS[name]}-error` : undefined,
    onInput: (e: Event) =>
      setDraft({ ...draft, [name]: (e.currentTarget as HTMLInputElement | HTMLSelectElement).value }),
  });

  return (
    <form class="pre-chat" ref={form} onSubmit={submit} noValidate>
      <p class="intro">Hi! Tell us who you are and how we can help.</p>
      {failure && (
        <p class="error" role="alert">
          Your chat could not be started: {failure}.
        </p>
      )}
      <div class="field">
        <label for={IDS.name}>Name</label>
        <input {...field("name")} type="text" autocomplete="name" maxLength={MAX_NAME_LENGTH} required data-autofocus />
        <FieldError field="name" errors={errors} />
      </div>
      <div class="field">
        <label for={IDS.email}>Email</label>
        <input
          {...field("email")}
          type="email"
          autocomplete="email"
          maxLength={MAX_EMAIL_LENGTH}
          aria-describedby={errors.email ? `${IDS.email}-error` : "parley-email-hint"}
        />
        <p class="hint" id="parley-email-hint">
          Optional, so we can follow up.
        </p>
        <FieldError field="email" errors={errors} />
      </div>
      {products.length > 0 && (
        <div class="field">
          <label for={IDS.product}>Product</label>
          <ProductSelect {...field("product")} products={products} />
        </div>
      )}
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
        <FieldError field="body" errors={errors} />
      </div>
      <button type="submit" class="primary">
        Start chat
      </button>
    </form>
  );
}

function FieldError({ field, errors }: { field: Field; errors: Errors }) {
  const message = errors[field];
  return message ? (
    <p class="error" id={`${IDS[field]}-error`}>
      {message}
    </p>
  ) : null;
}

function validate(draft: StartDraft): Errors {
  const errors: Errors = {};
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
