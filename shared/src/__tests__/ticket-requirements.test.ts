import { describe, expect, it } from "vitest";
import { missingForPriority, type TicketFields } from "../schemas/tickets.ts";

const blank: Omit<TicketFields, "subject"> = {
  priority: "low",
  product: null,
  productVersion: "",
  thirdPartyVersions: "",
  details: "",
  reproductionSteps: "",
  environment: "",
  mostRecentUpdate: "",
  changedSinceLastWorked: "",
  reproducedOnTestSystem: "unknown",
};
const fields = (missing: ReturnType<typeof missingForPriority>) => missing.map((m) => m.field);

describe("missingForPriority", () => {
  it("should ask every ticket for details", () => {
    expect(fields(missingForPriority(blank))).toEqual(["details"]);
    expect(missingForPriority({ ...blank, details: "Export fails" })).toEqual([]);
  });

  it("should ask a high ticket for the product and its version", () => {
    expect(fields(missingForPriority({ ...blank, priority: "high", details: "Slow" }))).toEqual([
      "product",
      "productVersion",
    ]);
  });

  it("should ask a critical ticket for reproduction steps and the environment too, saying so", () => {
    const missing = missingForPriority({
      ...blank,
      priority: "critical",
      details: "Down",
      product: "cloud",
      productVersion: "4.2",
    });
    expect(missing).toEqual([
      { field: "reproductionSteps", message: "A critical ticket needs reproduction steps" },
      { field: "environment", message: "A critical ticket needs the environment information" },
    ]);
  });
});
