import type { ComponentChildren, TargetedMouseEvent } from "preact";
import { navigate } from "../router.ts";

interface LinkProps {
  href: string;
  class?: string;
  current?: boolean;
  children: ComponentChildren;
}

/** An in-app link: a real <a> (open in new tab still works), routed without a reload on a plain click. */
export function Link({ href, class: className, current, children }: LinkProps) {
  const onClick = (event: TargetedMouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  return (
    <a href={href} class={className} aria-current={current ? "page" : undefined} onClick={onClick}>
      {children}
    </a>
  );
}
