import { type CustomerDto, type SiteSettingsDto, STANDARD_SLA_PLAN } from "@parley/shared";
import type { ErrorBody } from "@parley/shared/errors";
import { useEffect, useState } from "preact/hooks";
import { formatDate } from "../../format.ts";
import { failureOf } from "../../realtime/socket.ts";
import {
  type ContactRow,
  type CustomerForm,
  type CustomerProductRow,
  customerFormOf,
  customerInput,
  customerIssueLayout,
  newContactRow,
  newCustomerProductRow,
} from "../../state/customer-form.ts";
import { errorsAt } from "../../state/issues.ts";
import { type Column, DataTable } from "../DataTable.tsx";
import { useSession } from "../session-context.ts";
import { SelectField } from "../tickets/fields.tsx";
import { EditorForm, useEditorForm } from "./EditorForm.tsx";
import { EditorSlot, useEditorSlot } from "./EditorSlot.tsx";
import { TextField } from "./fields.tsx";
import { RowGroup } from "./RowList.tsx";

const UNANSWERED = "The server did not answer in time. Reload the page to see whether the customer was saved.";

/** Customer organisations: who is entitled to support for which product, and on which SLA plan. */
export function CustomersSection({ settings }: { settings: SiteSettingsDto }) {
  const session = useSession();
  const [customers, setCustomers] = useState<readonly CustomerDto[] | null>(null);
  const [loadError, setLoadError] = useState<ErrorBody | null>(null);
  const editor = useEditorSlot<CustomerDto>();

  useEffect(() => {
    let live = true;
    void session.customers.list().then((result) => {
      if (!live) return;
      if (result.ok) setCustomers(result.data.customers);
      else setLoadError(failureOf(result, "No answer from the server yet. Reload to try again."));
    });
    const stop = session.customers.listen((c) =>
      setCustomers((list) => (list ? [...list.filter((x) => x.id !== c.id), c] : list)),
    );
    return () => {
      live = false;
      stop();
    };
  }, [session]);

  const plans = [STANDARD_SLA_PLAN, ...settings.tickets.slaPlans];
  const planName = (id: string) => plans.find((p) => p.id === id)?.name ?? id;
  const productName = (id: string) => settings.products.find((p) => p.id === id)?.name ?? id;
  const sorted = [...(customers ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  const columns: Column<CustomerDto>[] = [
    { key: "name", header: "Name", rowHeader: true, cell: (c) => c.name },
    {
      key: "contacts",
      header: "Contacts",
      cell: (c) => c.contacts.map((x) => `${x.name} <${x.email}>`).join(", ") || "None",
    },
    {
      key: "products",
      header: "Products",
      cell: (c) =>
        c.products
          .map(
            (p) =>
              `${productName(p.product)} (released ${formatDate(p.finalRelease)}${p.paidSupportUntil ? `, paid until ${formatDate(p.paidSupportUntil)}` : ""})`,
          )
          .join("; ") || "None",
    },
    { key: "plan", header: "SLA plan", cell: (c) => planName(c.slaPlanId) },
    {
      key: "actions",
      header: "Actions",
      cell: (c) => (
        <button type="button" class="quiet" aria-label={`Edit ${c.name}`} onClick={() => editor.open(c)}>
          Edit
        </button>
      ),
    },
  ];

  return (
    <section class="page-section" aria-labelledby="admin-customers">
      <h3 id="admin-customers">Customers</h3>
      <p class="hint">
        A ticket's requester is matched to a customer by contact email. Free support runs 60 days after a product's
        final release; paid support covers through its date.
      </p>
      {loadError && (
        <p class="error" role="alert">
          {loadError.message}
        </p>
      )}
      {customers === null ? (
        !loadError && <p class="muted">Loading…</p>
      ) : (
        <DataTable
          name={{ labelledBy: "admin-customers" }}
          scroll
          columns={columns}
          rows={sorted}
          empty="No customers yet."
        />
      )}
      <EditorSlot slot={editor} addLabel="Add customer">
        {(customer) => (
          <CustomerEditor
            customer={customer}
            settings={settings}
            onSaved={(c) => editor.done(`Customer ${c.name} saved.`)}
            onCancel={editor.close}
          />
        )}
      </EditorSlot>
    </section>
  );
}

interface CustomerEditorProps {
  customer: CustomerDto | null;
  settings: SiteSettingsDto;
  onSaved: (customer: CustomerDto) => void;
  onCancel: () => void;
}

function CustomerEditor({ customer, settings, onSaved, onCancel }: CustomerEditorProps) {
  const session = useSession();
  const [form, setForm] = useState<CustomerForm>(() => customerFormOf(customer));
  const editor = useEditorForm();
  const { errors } = editor;

  const edit = (patch: Partial<CustomerForm>) => setForm((f) => ({ ...f, ...patch }));
  const title = customer ? `Edit customer ${customer.name}` : "New customer";
  const planOptions = [STANDARD_SLA_PLAN, ...settings.tickets.slaPlans].map((p) => ({ value: p.id, label: p.name }));
  if (!planOptions.some((o) => o.value === form.slaPlanId)) {
    planOptions.push({ value: form.slaPlanId, label: `${form.slaPlanId} (no longer exists)` });
  }
  const productOptions = (current: string) => [
    { value: "", label: "Choose a product" },
    ...settings.products.map((p) => ({ value: p.id, label: p.name })),
    ...(current && !settings.products.some((p) => p.id === current) ? [{ value: current, label: current }] : []),
  ];

  const submit = () =>
    void editor.save(session.customers.save(customerInput(form)), {
      layout: customerIssueLayout(form),
      unanswered: UNANSWERED,
      onSaved: (data) => onSaved(data.customer),
    });

  return (
    <EditorForm state={editor} title={title} saveLabel="Save customer" onSubmit={submit} onCancel={onCancel}>
      <TextField
        label="Customer name"
        value={form.name}
        inputRef={editor.firstRef}
        messages={errorsAt(errors, "name")}
        onInput={(name) => edit({ name })}
      />
      <RowGroup<ContactRow>
        legend="Contacts"
        addLabel="Add contact"
        rowLabel="Contact"
        empty="No contacts: tickets cannot be matched to this customer."
        errorPath="contacts"
        errors={errors}
        rows={form.contacts}
        newRow={newContactRow}
        onChange={(contacts) => edit({ contacts })}
        fields={(row, { at, firstControl, patch }) => {
          const n = form.contacts.indexOf(row) + 1;
          return (
            <>
              <TextField
                label={`Contact ${n} name`}
                value={row.name}
                inputRef={firstControl}
                messages={at("name")}
                onInput={(name) => patch({ name })}
              />
              <TextField
                label={`Contact ${n} email`}
                type="email"
                value={row.email}
                messages={at("email")}
                onInput={(email) => patch({ email })}
              />
            </>
          );
        }}
      />
      <RowGroup<CustomerProductRow>
        legend="Products"
        addLabel="Add product"
        rowLabel="Product"
        empty="No products: this customer's tickets show as not entitled."
        errorPath="products"
        errors={errors}
        rows={form.products}
        newRow={() => newCustomerProductRow()}
        onChange={(products) => edit({ products })}
        fields={(row, { at, firstControl, patch }) => {
          const n = form.products.indexOf(row) + 1;
          return (
            <>
              <SelectField
                label={`Product ${n}`}
                value={row.product}
                options={productOptions(row.product)}
                messages={at("product")}
                onChange={(product) => patch({ product })}
                selectRef={firstControl}
              />
              <TextField
                label={`Product ${n} final release`}
                type="date"
                value={row.finalRelease}
                messages={at("finalRelease")}
                onInput={(finalRelease) => patch({ finalRelease })}
              />
              <TextField
                label={`Product ${n} paid support until`}
                type="date"
                value={row.paidSupportUntil}
                hint="Optional"
                messages={at("paidSupportUntil")}
                onInput={(paidSupportUntil) => patch({ paidSupportUntil })}
              />
            </>
          );
        }}
      />
      <SelectField
        label="SLA plan"
        value={form.slaPlanId}
        options={planOptions}
        messages={errorsAt(errors, "slaPlanId")}
        onChange={(slaPlanId) => edit({ slaPlanId })}
      />
    </EditorForm>
  );
}
