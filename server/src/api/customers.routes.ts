import { ContactLookup, CustomerRef, CustomerSaveInput, EmptyInput } from "@parley/shared";
import { customerOfSite, listCustomers, saveCustomer } from "../customers/customer-directory.ts";
import { toCustomerDto } from "../customers/customer-dto.ts";
import { customerOfEmail } from "../customers/customer-of-email.ts";
import { AppError } from "../errors/app-error.ts";
import { apiRoute } from "./api-route.ts";

const customerBody = CustomerSaveInput.omit({ id: true });

export const customerRoutes = [
  apiRoute({
    method: "get",
    path: "/customers",
    operationId: "listCustomers",
    summary: "Every customer organisation of the site, with its contacts and products",
    resource: "customers",
    access: "read",
    command: "customer:list",
    input: EmptyInput,
    returns: "{ customers: Customer[] }",
    run: async (_input, { agent }) => ({ customers: await listCustomers(agent.site) }),
  }),
  apiRoute({
    method: "get",
    path: "/customers/:customerId",
    operationId: "getCustomer",
    summary: "One customer",
    resource: "customers",
    access: "read",
    command: "customer:list",
    input: CustomerRef,
    returns: "{ customer: Customer }",
    run: async (input, { agent }) => ({ customer: await customerOfSite(agent.site, input.customerId) }),
  }),
  apiRoute({
    method: "get",
    path: "/contacts",
    operationId: "findContact",
    summary: "The customer a contact (by email) belongs to",
    resource: "customers",
    access: "read",
    command: "customer:list",
    input: ContactLookup,
    query: ContactLookup,
    returns: "{ customer: Customer }",
    run: async (input, { agent }) => {
      const customer = await customerOfEmail(agent.site, input.email);
      if (!customer) throw new AppError("NOT_FOUND", "No customer has this contact");
      return { customer: toCustomerDto(customer) };
    },
  }),
  apiRoute({
    method: "post",
    path: "/customers",
    operationId: "createCustomer",
    summary: "Add a customer (the key's agent must be an admin)",
    resource: "customers",
    access: "write",
    command: "customer:save",
    input: CustomerSaveInput,
    body: customerBody,
    status: 201,
    returns: "{ customer: Customer }",
    run: async (input, { agent }, { staff }) => ({ customer: await saveCustomer(staff, agent, input) }),
  }),
  apiRoute({
    method: "put",
    path: "/customers/:customerId",
    operationId: "replaceCustomer",
    summary: "Replace a customer: name, contacts, products and SLA plan (the key's agent must be an admin)",
    resource: "customers",
    access: "write",
    command: "customer:save",
    input: CustomerSaveInput,
    paramAs: { customerId: "id" },
    body: customerBody,
    returns: "{ customer: Customer }",
    run: async (input, { agent }, { staff }) => ({ customer: await saveCustomer(staff, agent, input) }),
  }),
];
