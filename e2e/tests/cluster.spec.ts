import { expect, test } from "@playwright/test";
import { clusterURL, noCluster } from "../playwright.config.ts";
import { acceptOffer, Contexts, closeChat, DEMO, signInAgent, startChat } from "./actors.ts";

// The same chat as chat.spec.ts, against `npm run start:cluster -- --nodes 3`: one port, a sticky balancer that
// gives each new Socket.IO session to the node with the fewest, three nodes sharing the database and Redis.
test.use({ baseURL: clusterURL });
test.skip(noCluster, "E2E_NO_CLUSTER=1 left the cluster server out");

let contexts: Contexts;
test.beforeEach(({ browser }) => {
  contexts = new Contexts(browser);
});
test.afterEach(() => contexts.closeAll());

test("a chat works end to end on three nodes behind the balancer, and survives a reload", async () => {
  const health = await (await fetch(`${clusterURL}/healthz`)).json();
  expect(health).toEqual({ status: "ok", db: "connected", redis: "up" });

  const agent = await signInAgent(await contexts.page(), DEMO.agent);
  const visitor = await contexts.page();
  await startChat(visitor, "Nora Nodes", "Hello from behind the balancer");
  await acceptOffer(agent, "Nora Nodes");
  await expect(agent.getByRole("log")).toContainText("Hello from behind the balancer");

  await agent.getByLabel("Message").fill("Hi Nora, you reached us.");
  await agent.getByRole("button", { name: "Send" }).click();
  await expect(visitor.getByRole("log")).toContainText("Hi Nora, you reached us.");
  await visitor.getByLabel("Message").fill("Great, thanks");
  await visitor.getByLabel("Message").press("Enter");
  await expect(agent.getByRole("log")).toContainText("Great, thanks");

  // A reload opens a new session, which the balancer may give to another node: the history follows.
  await visitor.reload();
  for (const text of ["Hello from behind the balancer", "Hi Nora, you reached us.", "Great, thanks"]) {
    await expect(visitor.getByRole("log")).toContainText(text);
  }
  await agent.getByLabel("Message").fill("Still here after your reload");
  await agent.getByRole("button", { name: "Send" }).click();
  await expect(visitor.getByRole("log")).toContainText("Still here after your reload");
  // Closed, so a repeat of this test finds the agent with every slot free.
  await closeChat(agent);
});
