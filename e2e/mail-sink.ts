// The e2e runs' mail server: Parley sends to it over SMTP (the demo server's SMTP_URL), and the specs read what it
// received over HTTP (GET /mails), since they run in another process.
import { createServer } from "node:http";
import { smtpSink } from "../server/test/smtp-sink.ts";

const smtpPort = Number(process.env.E2E_SMTP_PORT ?? 3919);
const httpPort = Number(process.env.E2E_MAILBOX_PORT ?? 3920);

const sink = await smtpSink(smtpPort);
createServer((req, res) => {
  if (req.url === "/healthz") {
    res.end("ok");
  } else if (req.url === "/mails") {
    const mails = sink.received.map((m) => ({
      to: m.envelopeTo,
      subject: m.mail.subject ?? "",
      text: m.mail.text ?? "",
      // The HTML part, for the few emails that have one (a chat transcript).
      html: typeof m.mail.html === "string" ? m.mail.html : "",
    }));
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify(mails));
  } else {
    res.statusCode = 404;
    res.end();
  }
}).listen(httpPort, "127.0.0.1");
