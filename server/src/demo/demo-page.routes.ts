import { Router } from "express";

const page = (title: string, body: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Acme Cloud (Parley demo)</title>
<style>
  /* Deliberately aggressive host styles: the widget must not inherit any of them. */
  body { font: 18px/1.6 Georgia, serif; margin: 0; color: #222; background: #faf7f0; }
  button { background: hotpink; font-size: 30px; border: 5px dashed lime; }
  header, main { max-width: 760px; margin: 0 auto; padding: 1rem; }
  nav a { margin-right: 1rem; }
</style>
</head>
<body>
<header>
  <strong>Acme Cloud</strong>
  <nav aria-label="Site"><a href="/">Home</a><a href="/pricing">Pricing</a><a href="/console/">Agent console</a></nav>
</header>
<main>
${body}
</main>
<!-- This is the whole integration a customer pastes: -->
<script src="/widget.js" data-site="demo" async></script>
</body>
</html>
`;

/** A stand-in customer website that embeds the widget exactly as a customer would. */
export function demoPageRoutes(): Router {
  const router = Router();
  router.get("/", (_req, res) => {
    res.type("html").send(
      page(
        "Home",
        `<h1>Welcome to Acme Cloud</h1>
<p>This page is a demo customer website. Click <em>Live Chat</em> in the corner to talk to support;
sign in to the <a href="/console/">agent console</a> in another window to answer.</p>`,
      ),
    );
  });
  router.get("/pricing", (_req, res) => {
    res.type("html").send(page("Pricing", `<h1>Pricing</h1><p>Your chat follows you from page to page.</p>`));
  });
  return router;
}
