/**
 * Hostile message bodies the UI must show as inert text: the payload typed in the chat e2e spec
 * (e2e/tests/chat.spec.ts) and the URLs the console's safeHttpUrl tests refuse, plus the usual filter
 * evasions. Shared so the renderer's tests and any later security test check the same list.
 */
export const XSS_PAYLOADS: readonly string[] = [
  '<img src=x onerror="window.__pwned=1"><b>bold?</b>',
  "<script>alert(1)</script>",
  "javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "<svg onload=alert(1)>",
  '<a href="javascript:alert(1)">click</a>',
  "<iframe src=javascript:alert(1)>",
  '"><img src=x onerror=alert(1)>',
  "JaVaScRiPt:alert(1)",
  " javascript:alert(1)",
  "java\tscript:alert(1)",
  "vbscript:msgbox(1)",
  "//evil.example/x",
  "[click](javascript:alert(1))",
  "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "**<script>alert(1)</script>**",
  "*<img src=x onerror=alert(1)>*",
  "`<script>alert(1)</script>`",
  "http://x.org/<script>alert(1)</script>",
  'https://x.org/"onmouseover="alert(1)',
  "https://x.org/`onerror`",
  "&lt;script&gt;alert(1)&lt;/script&gt;",
  "<style>*{display:none}</style>",
  "<math><mi xlink:href=javascript:alert(1)>x</mi></math>",
];
