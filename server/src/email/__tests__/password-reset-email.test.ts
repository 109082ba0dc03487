import { describe, expect, it } from "vitest";
import { passwordResetEmail } from "../password-reset-email.ts";

const base = {
  to: "ana@example.test",
  name: "Ana",
  siteName: "Acme\r\nSupport",
  link: "https://support.acme.test/console/reset-password#token=abc",
  validMinutes: 60,
};

describe("passwordResetEmail", () => {
  it("should carry the link and how long it works, and be marked as holding a secret", () => {
    const mail = passwordResetEmail({ ...base, requestedBy: null });
    expect(mail).toMatchObject({ kind: "password_reset", secret: true, to: "ana@example.test" });
    expect(mail.ticket).toBeUndefined();
    expect(mail.subject).toBe("Reset your Parley password (Acme Support)");
    expect(mail.text).toContain("Hello Ana,");
    expect(mail.text).toContain(`within 60 minutes. It works once:\n\n${base.link}\n`);
    expect(mail.text).toContain("If you did not ask for this, ignore this email");
  });

  it("should name the admin who asked, and say the old password works until the link is used", () => {
    const mail = passwordResetEmail({ ...base, requestedBy: "Ada Admin" });
    expect(mail.text).toContain("Ada Admin, an admin, asked you to set a new password");
    expect(mail.text).toContain("You have been signed out everywhere.");
    expect(mail.text).toContain("Until you use the link, your current password still signs you in.");
    expect(mail.text).not.toContain("ignore this email");
  });
});
