import type { ManualSuggestionDto } from "@parley/shared";
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import { adoptStyles } from "../../adopt-styles.ts";
import { useManualsText } from "../i18n/manuals.ts";
import { request, type VisitorSocket } from "../request.ts";

/** Asked once the visitor pauses: not on every key. */
const DEBOUNCE_MS = 400;
/** Fewer characters than this say too little to match on. */
const MIN_CHARS = 4;

const CSS = `
.manuals { margin: 0 0 12px; padding: 8px 12px; border: 1px solid var(--edge); border-radius: 8px; background: var(--tint); }
.manuals p { margin: 0 0 4px; font-size: 13px; }
.manuals ul { margin: 0; padding-inline-start: 18px; }
.manuals a { color: var(--link); font-weight: 600; }
.manuals .opened { color: var(--fg2); font-size: 12px; }
`;

interface Props {
  socket: () => VisitorSocket | null;
  /** What the visitor has typed so far. */
  text: string;
  /** The product they picked; "" for not sure. */
  product: string;
  opened: readonly string[];
  onOpen: (id: string) => void;
}

/**
 * Manual articles matching what the visitor is writing (the support policy: "consult the online manuals before creating
 * a support ticket"), matched by the server on the site's keywords and titles. Links open in a new tab, so the form and
 * what they typed stay; each one opened is remembered and sent with the request.
 */
export function ManualSuggestions({ socket, text, product, opened, onOpen }: Props) {
  const t = useManualsText();
  const [articles, setArticles] = useState<readonly ManualSuggestionDto[]>([]);
  const root = useRef<HTMLDivElement>(null);
  // Answers can arrive out of order; only the latest question's answer is shown.
  const asked = useRef(0);

  useLayoutEffect(() => {
    const el = root.current;
    return el ? adoptStyles(el.getRootNode() as ShadowRoot, CSS) : undefined;
  }, []);

  useEffect(() => {
    const typed = text.trim();
    const mine = ++asked.current;
    if (typed.length < MIN_CHARS) {
      setArticles([]);
      return;
    }
    const timer = setTimeout(async () => {
      const live = socket();
      if (!live) return;
      const answer = await request(live, "manual:suggest", { text: typed, ...(product ? { product } : {}) });
      if (answer.ok && mine === asked.current) setArticles(answer.data.articles);
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, product, socket]);

  return (
    <div ref={root} aria-live="polite">
      {articles.length > 0 && (
        <div class="manuals">
          <p id="parley-manuals-heading">{t.heading}</p>
          <ul aria-labelledby="parley-manuals-heading">
            {articles.map((a) => (
              <li key={a.id}>
                <a
                  href={a.url}
                  target="_blank"
                  rel="noopener noreferrer"
                  onClick={() => onOpen(a.id)}
                  onAuxClick={() => onOpen(a.id)}
                >
                  {a.title}
                  <span class="sr-only"> {t.newTab}</span>
                </a>
                {opened.includes(a.id) && <span class="opened"> · {t.opened}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
