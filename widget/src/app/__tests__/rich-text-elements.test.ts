import { XSS_PAYLOADS } from "@parley/shared/rich-text/xss-payloads";
import type { VNode } from "preact";
import { describe, expect, it } from "vitest";
import { RichText } from "../components/RichText.tsx";

const ELEMENTS = new Set(["br", "code", "a", "strong", "em"]);

/** Every element type and prop the tree would hand to Preact; strings are text nodes. */
function check(node: unknown): void {
  if (typeof node === "string" || node == null || typeof node === "boolean") return;
  if (Array.isArray(node)) {
    for (const child of node) check(child);
    return;
  }
  const vnode = node as VNode<Record<string, unknown>>;
  if (typeof vnode.type === "function") {
    check(vnode.props.children);
    return;
  }
  expect(ELEMENTS).toContain(vnode.type);
  expect(Object.keys(vnode.props)).not.toContain("dangerouslySetInnerHTML");
  if (vnode.type === "a") {
    expect(vnode.props.href).toMatch(/^(?:https?:\/\/|mailto:)/i);
    expect(vnode.props.target).toBe("_blank");
    expect(vnode.props.rel).toBe("noopener noreferrer");
  } else {
    expect(Object.keys(vnode.props).filter((k) => k !== "children")).toEqual([]);
  }
  check(vnode.props.children);
}

describe("RichText", () => {
  it.each(XSS_PAYLOADS.map((p) => [p]))("renders %s as text and safe elements only", (body) => {
    check(RichText({ body }));
  });

  it("makes a safe link, bold and a line break", () => {
    const tree = RichText({ body: "**hi**\nsee https://x.org" }) as VNode<{ children: unknown[] }>;
    const [strong, br, text, link] = tree.props.children as VNode<Record<string, unknown>>[];
    expect(strong?.type).toBe("strong");
    expect(br?.type).toBe("br");
    expect(text).toBe("see ");
    expect(link?.props).toMatchObject({ href: "https://x.org", target: "_blank", rel: "noopener noreferrer" });
  });
});
