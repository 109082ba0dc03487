import type { Product } from "@parley/shared";

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const mentions = (text: string, words: string): boolean =>
  new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(words)}($|[^\\p{L}\\p{N}])`, "iu").test(text);

/**
 * The site's product an email is about (the policy asks for "the product / project for which you are seeking
 * support"): a "Product: Acme Cloud" line naming one of them by name or id, else the one product whose name the
 * subject or body mentions. Null when none matches, or several do: a guess would put the ticket on the wrong
 * entitlement.
 */
export function productInText(products: readonly Product[], subject: string, body: string): string | null {
  const line = /^\s*product(?:\s*\/\s*project)?\s*[:=-]\s*(.+)$/im.exec(body)?.[1]?.trim().toLowerCase();
  if (line) {
    const named = products.find((p) => p.name.toLowerCase() === line || p.id.toLowerCase() === line);
    if (named) return named.id;
  }
  const text = `${subject}\n${body}`;
  const found = products.filter((p) => mentions(text, p.name));
  return found.length === 1 ? (found[0]?.id ?? null) : null;
}
