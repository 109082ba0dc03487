import type { ErrorBody } from "@parley/shared/errors";

/** A refused form, arranged for display: next to each field, and all together above the form. */
export interface FormErrors {
  readonly message: string;
  /** By field key: the issue's path with list indexes replaced by the rows' keys ("weekly.k3.end"). */
  readonly fields: ReadonlyMap<string, readonly string[]>;
  /** Every issue, with where it is ("Weekly range 3, Closes: …"). */
  readonly summary: readonly string[];
}

export interface IssueLayout {
  /** A leading path segment that the form does not show, e.g. "supportHours" inside `site:update`. */
  readonly strip?: string;
  /**
   * The row keys of each list as they were when the form was sent. Issues name rows by index; keys keep
   * the message on its row even if rows are added or removed before the next save.
   */
  readonly lists?: Readonly<Record<string, readonly string[]>>;
  /** Words for path segments; a row index is shown after its list's word, counting from 1. */
  readonly labels: Readonly<Record<string, string>>;
}

const INDEX = /^\d+$/;

/** Heads the list of issues; the server's own message only repeats the first issue in wire terms. */
export const NOT_SAVED = "Not saved. Please correct:";

export function formErrors(error: ErrorBody, layout: IssueLayout): FormErrors {
  const issues = error.issues ?? [];
  if (issues.length === 0) return plainErrors(error);
  const fields = new Map<string, string[]>();
  const summary: string[] = [];
  for (const issue of issues) {
    const { key, where } = locate(issue.path, layout);
    if (key) fields.set(key, [...(fields.get(key) ?? []), issue.message]);
    summary.push(where ? `${where}: ${issue.message}` : issue.message);
  }
  return { message: NOT_SAVED, fields, summary };
}

/** Field key and human location of a dotted issue path. */
export function locate(path: string, layout: IssueLayout): { key: string; where: string } {
  const segments = path.split(".").filter(Boolean);
  if (layout.strip && segments[0] === layout.strip) segments.shift();
  const keyParts: string[] = [];
  const words: string[] = [];
  segments.forEach((segment, i) => {
    const list = segments[i - 1];
    if (INDEX.test(segment)) {
      const rowKey = list === undefined ? undefined : layout.lists?.[list]?.[Number(segment)];
      keyParts.push(rowKey ?? segment);
      const position = String(Number(segment) + 1);
      if (words.length > 0) words[words.length - 1] += ` ${position}`;
      else words.push(position);
      return;
    }
    keyParts.push(segment);
    words.push(layout.labels[segment] ?? segment);
  });
  return { key: keyParts.join("."), where: words.join(", ") };
}

export function errorsAt(errors: FormErrors | null, key: string): readonly string[] {
  return errors?.fields.get(key) ?? [];
}

/** Errors not tied to fields (a refusal such as FORBIDDEN, or no answer): just the message. */
export function plainErrors(error: ErrorBody): FormErrors {
  return { message: error.message, fields: new Map(), summary: [] };
}

/** Messages for a field or anything inside it ("products" also takes "products.2"). */
export function errorsUnder(errors: FormErrors | null, key: string): readonly string[] {
  if (!errors) return [];
  return [...errors.fields].filter(([k]) => k === key || k.startsWith(`${key}.`)).flatMap(([, messages]) => messages);
}
