import { parseRichText, type RichNode } from "@parley/shared/rich-text";

/**
 * A message body with its links, bold, italic, code and line breaks. Every piece of the body becomes a
 * text node; only the parser's typed nodes become elements, and a link only for http, https and mailto.
 */
export function RichText({ body }: { body: string }) {
  return <>{parseRichText(body).map(toElement)}</>;
}

function toElement(node: RichNode, key: number) {
  switch (node.type) {
    case "text":
      return node.text;
    case "br":
      return <br key={key} />;
    case "code":
      return <code key={key}>{node.text}</code>;
    case "link":
      return (
        <a key={key} href={node.href} target="_blank" rel="noopener noreferrer">
          {node.text}
        </a>
      );
    case "strong":
      return <strong key={key}>{node.children.map(toElement)}</strong>;
    case "em":
      return <em key={key}>{node.children.map(toElement)}</em>;
  }
}
