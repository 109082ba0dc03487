import { useEffect, useRef } from "preact/hooks";

/**
 * A page's heading: titles the tab, and takes focus when the page opens so a screen reader starts there
 * rather than on the link that was just used (the nav stays mounted, so focus would stay on it).
 */
export function usePageHeading(title: string) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Parley console`;
  }, [title]);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
