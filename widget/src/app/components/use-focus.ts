import { useLayoutEffect, useRef } from "preact/hooks";

/** A ref whose element gets focus when the component mounts (a view replacing another). */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useLayoutEffect(() => ref.current?.focus(), []);
  return ref;
}
