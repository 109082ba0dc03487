import { escapeHtml } from "../email/transcript-email.ts";
import type { JsonObject } from "./openapi.ts";

type Operation = {
  operationId: string;
  summary?: string;
  description?: string;
  parameters?: { name: string; in: string; required?: boolean; schema?: unknown }[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { description: string }>;
  security?: unknown[];
};

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#1a1a1a}
code,pre{font-family:ui-monospace,monospace;font-size:.9em}pre{background:#f4f4f4;padding:.75rem;overflow:auto}
.op{border-top:1px solid #ccc;padding-top:.5rem;margin-top:1.5rem}.method{font-weight:700;text-transform:uppercase}
table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}`;

/**
 * The API reference as one static page, rendered on the server from the OpenAPI document: no script, no remote
 * asset (the server's CSP allows neither), and every text from the document escaped.
 */
export function docsPage(doc: JsonObject): string {
  const info = doc.info as { title: string; version: string; description: string };
  const servers = doc.servers as { url: string }[];
  const paths = doc.paths as Record<string, Record<string, Operation>>;
  const ops = Object.entries(paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op })),
  );
  const e = escapeHtml;
  const toc = ops
    .map(
      ({ path, method, op }) =>
        `<li><a href="#${e(op.operationId)}">${e(method.toUpperCase())} ${e(path)}</a> ${e(op.summary ?? "")}</li>`,
    )
    .join("\n");
  const body = ops.map(({ path, method, op }) => operationHtml(path, method, op)).join("\n");
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${e(info.title)} ${e(info.version)}</title><style>${STYLE}</style></head>
<body><main>
<h1>${e(info.title)} <small>${e(info.version)}</small></h1>
<p>${codeSpans(e(info.description))}</p>
<p>Base URL: <code>${e(servers[0]?.url ?? "/api/v1")}</code>. The machine-readable document: <a href="openapi.json">openapi.json</a> (OpenAPI 3.1).</p>
<pre>curl -H "Authorization: Bearer $PARLEY_API_KEY" ${e(servers[0]?.url ?? "")}/tickets?status=new,open</pre>
<h2>Operations</h2>
<ul>${toc}</ul>
${body}
</main></body></html>
`;
}

function operationHtml(path: string, method: string, op: Operation): string {
  const e = escapeHtml;
  const params = op.parameters?.length
    ? `<table><caption>Parameters</caption><thead><tr><th scope="col">Name</th><th scope="col">In</th><th scope="col">Required</th><th scope="col">Schema</th></tr></thead><tbody>${op.parameters
        .map(
          (p) =>
            `<tr><td><code>${e(p.name)}</code></td><td>${e(p.in)}</td><td>${p.required ? "yes" : "no"}</td><td><code>${e(JSON.stringify(p.schema))}</code></td></tr>`,
        )
        .join("")}</tbody></table>`
    : "";
  const bodySchema = op.requestBody?.content["application/json"]?.schema;
  const body = bodySchema ? `<h4>JSON body</h4><pre>${e(JSON.stringify(bodySchema, null, 2))}</pre>` : "";
  const responses = Object.entries(op.responses)
    .map(([status, r]) => `<li><code>${e(status)}</code> ${e(r.description)}</li>`)
    .join("");
  const description = (op.description ?? "")
    .split("\n\n")
    .filter(Boolean)
    .map((p) => `<p>${codeSpans(e(p))}</p>`)
    .join("");
  return `<section class="op" id="${e(op.operationId)}" aria-labelledby="${e(op.operationId)}-h">
<h3 id="${e(op.operationId)}-h"><span class="method">${e(method)}</span> <code>${e(path)}</code></h3>
<p><strong>${e(op.summary ?? "")}</strong></p>${description}${params}${body}
<h4>Responses</h4><ul>${responses}</ul>
</section>`;
}

/** Markdown's `code` in already escaped text: the backticks become <code>, the text between stays escaped. */
const codeSpans = (escaped: string): string => escaped.replace(/`([^`]+)`/g, "<code>$1</code>");
