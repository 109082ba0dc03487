import { useRef, useState } from "preact/hooks";

export type Errors<F> = Partial<Record<keyof F, string>>;

/**
 * What the pre-chat and offline forms share: their values, per-field errors tied to the field with
 * aria-describedby, and a submit that checks first and puts focus on the first field in error.
 * `ids` lists the fields in screen order.
 */
export function useForm<F extends { [K in keyof F]: string }>(
  initial: F,
  ids: Record<keyof F, string>,
  validate: (values: F) => Errors<F>,
  onValid: (values: F) => void,
) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Errors<F>>({});
  const form = useRef<HTMLFormElement>(null);

  const submit = (event: Event) => {
    event.preventDefault();
    const found = validate(values);
    setErrors(found);
    const first = (Object.keys(ids) as (keyof F)[]).find((f) => found[f]);
    if (first) form.current?.querySelector<HTMLElement>(`#${ids[first]}`)?.focus();
    else onValid(values);
  };

  /** Props of a field's control; `hint` is the id of its hint text, if it has one. */
  const field = (name: keyof F, hint?: string) => ({
    id: ids[name],
    value: values[name],
    "aria-invalid": errors[name] ? ("true" as const) : undefined,
    "aria-describedby": [hint, errors[name] && `${ids[name]}-error`].filter(Boolean).join(" ") || undefined,
    onInput: (e: Event) =>
      setValues({ ...values, [name]: (e.currentTarget as HTMLInputElement | HTMLSelectElement).value }),
  });

  const error = (name: keyof F) =>
    errors[name] ? (
      <p class="error" id={`${ids[name]}-error`}>
        {errors[name]}
      </p>
    ) : null;

  return { form, submit, field, error };
}
