import { describe, expect, it } from "vitest";
import { errorsAt, errorsUnder, formErrors, locate, NOT_SAVED, plainErrors } from "../issues.ts";

const layout = {
  strip: "supportHours",
  lists: { weekly: ["r7", "r8", "r9"] },
  labels: { weekly: "Weekly range", end: "Closes", timeZone: "Time zone", offerTimeoutSeconds: "Offer timeout" },
};

describe("locate", () => {
  it("keys a row by the key it had when sent and says where it is, counting from 1", () => {
    expect(locate("supportHours.weekly.2.end", layout)).toEqual({
      key: "weekly.r9.end",
      where: "Weekly range 3, Closes",
    });
    expect(locate("weekly.0", layout)).toEqual({ key: "weekly.r7", where: "Weekly range 1" });
    expect(locate("offerTimeoutSeconds", layout)).toEqual({ key: "offerTimeoutSeconds", where: "Offer timeout" });
  });

  it("keeps an index it cannot map and a segment it has no word for", () => {
    expect(locate("weekly.5.start", layout)).toEqual({ key: "weekly.5.start", where: "Weekly range 6, start" });
    expect(locate("", layout)).toEqual({ key: "", where: "" });
  });
});

describe("formErrors", () => {
  const error = {
    code: "BAD_REQUEST" as const,
    message: "supportHours.weekly.1.end: Range on tue ends (09:00) before it starts (17:00)",
    issues: [
      { path: "supportHours.weekly.1.end", message: "Range on tue ends (09:00) before it starts (17:00)" },
      { path: "supportHours.weekly.1.end", message: "second problem" },
      { path: "supportHours.timeZone", message: "Mars/Base is not a known time zone" },
      { path: "", message: "Two ranges overlap" },
    ],
  };

  it("puts each message on its field and lists them all with where they are", () => {
    const errors = formErrors(error, layout);
    expect(errorsAt(errors, "weekly.r8.end")).toEqual([
      "Range on tue ends (09:00) before it starts (17:00)",
      "second problem",
    ]);
    expect(errorsAt(errors, "timeZone")).toEqual(["Mars/Base is not a known time zone"]);
    expect(errors.summary).toEqual([
      "Weekly range 2, Closes: Range on tue ends (09:00) before it starts (17:00)",
      "Weekly range 2, Closes: second problem",
      "Time zone: Mars/Base is not a known time zone",
      "Two ranges overlap",
    ]);
    // The server's message repeats the first issue with its wire path: the list says it better.
    expect(errors.message).toBe(NOT_SAVED);
    expect(errorsUnder(errors, "weekly")).toHaveLength(2);
    expect(errorsUnder(errors, "week")).toHaveLength(0);
  });

  it("shows just the message when there are no issues", () => {
    const errors = formErrors({ code: "FORBIDDEN", message: "Admins only" }, layout);
    expect(errors).toEqual(plainErrors({ code: "FORBIDDEN", message: "Admins only" }));
    expect(errors.summary).toEqual([]);
    expect(errorsAt(null, "timeZone")).toEqual([]);
  });
});
