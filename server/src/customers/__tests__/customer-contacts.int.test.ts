// The contact keys: a customer is found by a contact's email in primary-key reads, whoever saved it,
// and the keys of customers saved before them are written at the next start.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestServer } from "../../../test/harness.ts";
import { Customer } from "../customer.model.ts";
import { customerOfEmail } from "../customer-of-email.ts";

let t: TestServer;
let site: Awaited<ReturnType<TestServer["createSite"]>>;

beforeAll(async () => {
  t = await TestServer.start();
  site = await t.createSite();
});
afterAll(() => t.stop());

const customer = (name: string, emails: string[]) =>
  Customer.create({
    site: site._id,
    name,
    contacts: emails.map((email) => ({ name: email, email })),
    products: [],
    slaPlanId: "standard",
  });

describe("customer contacts", () => {
  it("should find a customer by a contact's email, in any case, and only on its own site", async () => {
    const globex = await customer("Globex", ["hank@globex.test"]);
    expect((await customerOfEmail(site._id, "hank@globex.test"))?._id).toEqual(globex._id);
    expect((await customerOfEmail(site._id, "HANK@globex.test"))?._id).toEqual(globex._id);
    const other = await t.createSite();
    expect(await customerOfEmail(other._id, "hank@globex.test")).toBeNull();
    expect(await customerOfEmail(site._id, "nobody@globex.test")).toBeNull();
  });

  it("should follow a contact removed from a customer, or moved to another", async () => {
    const initech = await customer("Initech", ["peter@initech.test", "bill@initech.test"]);
    await Customer.findOneAndUpdate(
      { _id: initech._id },
      { $set: { contacts: [{ name: "Bill", email: "bill@initech.test" }] } },
      { returnDocument: "after" },
    );
    expect(await customerOfEmail(site._id, "peter@initech.test")).toBeNull();
    expect((await customerOfEmail(site._id, "bill@initech.test"))?._id).toEqual(initech._id);
    await Customer.findOneAndUpdate({ _id: initech._id }, { $set: { contacts: [] } }, { returnDocument: "after" });
    const acme = await customer("Acme", ["bill@initech.test"]);
    expect((await customerOfEmail(site._id, "bill@initech.test"))?._id).toEqual(acme._id);
  });

  it("should key the contacts of customers stored before the keys, at the next start", async () => {
    const umbrella = await customer("Umbrella", ["alice@umbrella.test"]);
    await t.restart(async (db) => {
      await db.collection("customer_contacts").deleteMany({});
      await db.collection("migrations").deleteOne({ _id: "customer-contacts" as never });
    });
    expect((await customerOfEmail(site._id, "alice@umbrella.test"))?._id).toEqual(umbrella._id);
  });
});
