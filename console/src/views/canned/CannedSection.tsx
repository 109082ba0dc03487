import type { CannedResponseDto, CannedScope } from "@parley/shared";
import { useEffect, useRef, useState } from "preact/hooks";
import { failureOf } from "../../realtime/socket.ts";
import { errorsAt } from "../../state/issues.ts";
import { EditorForm, useEditorForm } from "../admin/EditorForm.tsx";
import { EditorSlot, useEditorSlot } from "../admin/EditorSlot.tsx";
import { TextField } from "../admin/fields.tsx";
import { type Column, DataTable } from "../DataTable.tsx";
import { TextAreaField } from "../tickets/fields.tsx";
import { useCannedReplies } from "./useCannedReplies.ts";

const UNANSWERED = "The server did not answer in time. Reload the page to see whether the reply was saved.";
const LABELS = { shortcut: "Shortcut", title: "Title", body: "Text", scope: "List" };

interface CannedSectionProps {
  scope: CannedScope;
  /** Site-wide replies are listed to everyone and changed by admins only (the server refuses the others). */
  editable: boolean;
  heading: string;
  headingId: string;
  intro: string;
}

const columns: Column<CannedResponseDto>[] = [
  { key: "shortcut", header: "Shortcut", rowHeader: true, class: "canned-shortcut", cell: (r) => `/${r.shortcut}` },
  { key: "title", header: "Title", cell: (r) => r.title },
  { key: "body", header: "Text", class: "canned-body", cell: (r) => r.body },
  { key: "uses", header: "Uses", cell: (r) => r.useCount },
];

/** One list of canned replies (site-wide, or the signed-in person's own): shortcut, title, text, uses, and editing. */
export function CannedSection({ scope, editable, heading, headingId, intro }: CannedSectionProps) {
  const { replies, list } = useCannedReplies();
  const editor = useEditorSlot<CannedResponseDto>();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const mine = (list.responses ?? []).filter((r) => r.scope === scope);
  const noun = scope === "site" ? "site-wide reply" : "reply";

  // Focus follows the buttons it was on: to Confirm when asked, back to Delete on Keep, to Add after a delete.
  const focusAfter = useRef<string | null>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (focusAfter.current === "add") editor.addRef.current?.focus();
    else if (focusAfter.current) document.getElementById(focusAfter.current)?.focus();
    focusAfter.current = null;
  }, [confirming]);
  const deleteId = (r: CannedResponseDto) => `${headingId}-delete-${r.id}`;

  const remove = async (r: CannedResponseDto) => {
    setDeleteError(null);
    const result = await replies.remove(r.id);
    focusAfter.current = result.ok ? "add" : deleteId(r);
    setConfirming(null);
    if (result.ok) editor.setSaved(`Deleted /${r.shortcut}.`);
    else setDeleteError(failureOf(result, UNANSWERED).message);
  };

  const actions: Column<CannedResponseDto> = {
    key: "actions",
    header: "Actions",
    cell: (r) =>
      confirming === r.id ? (
        <>
          <button type="button" ref={confirmRef} onClick={() => void remove(r)}>
            Confirm delete /{r.shortcut}
          </button>{" "}
          <button
            type="button"
            class="quiet"
            onClick={() => {
              focusAfter.current = deleteId(r);
              setConfirming(null);
            }}
          >
            Keep
          </button>
        </>
      ) : (
        <>
          <button type="button" class="quiet" aria-label={`Edit /${r.shortcut}`} onClick={() => editor.open(r)}>
            Edit
          </button>{" "}
          <button
            type="button"
            class="quiet"
            id={deleteId(r)}
            aria-label={`Delete /${r.shortcut}`}
            onClick={() => setConfirming(r.id)}
          >
            Delete
          </button>
        </>
      ),
  };

  return (
    <section class="page-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{heading}</h3>
      <p class="hint">{intro}</p>
      {(list.error || deleteError) && (
        <p class="error" role="alert">
          {deleteError ?? list.error?.message}
        </p>
      )}
      {list.responses === null ? (
        !list.error && <p class="muted">Loading…</p>
      ) : (
        <DataTable
          name={{ caption: heading }}
          scroll
          columns={editable ? [...columns, actions] : columns}
          rows={mine}
          empty={`No ${scope === "site" ? "site-wide replies" : "replies of your own"} yet.`}
        />
      )}
      {editable && (
        <EditorSlot slot={editor} addLabel={`Add ${noun}`}>
          {(response) => (
            <CannedEditor
              scope={scope}
              response={response}
              noun={noun}
              onSaved={(r) => editor.done(`Saved /${r.shortcut}.`)}
              onCancel={editor.close}
            />
          )}
        </EditorSlot>
      )}
    </section>
  );
}

interface CannedEditorProps {
  scope: CannedScope;
  response: CannedResponseDto | null;
  noun: string;
  onSaved: (response: CannedResponseDto) => void;
  onCancel: () => void;
}

function CannedEditor({ scope, response, noun, onSaved, onCancel }: CannedEditorProps) {
  const { replies } = useCannedReplies();
  const [form, setForm] = useState({
    shortcut: response?.shortcut ?? "",
    title: response?.title ?? "",
    body: response?.body ?? "",
  });
  const editor = useEditorForm();
  const { errors } = editor;
  const edit = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const title = response ? `Edit /${response.shortcut}` : `New ${noun}`;

  const submit = () =>
    void editor.save(replies.save({ ...(response ? { id: response.id } : {}), scope, ...form }), {
      layout: { labels: LABELS },
      unanswered: UNANSWERED,
      onSaved: (data) => onSaved(data.response),
    });

  return (
    <EditorForm state={editor} title={title} saveLabel={`Save ${noun}`} onSubmit={submit} onCancel={onCancel}>
      <TextField
        label="Shortcut"
        value={form.shortcut}
        inputRef={editor.firstRef}
        hint="Typed after / in the composer to find it: letters, digits, - and _."
        messages={errorsAt(errors, "shortcut")}
        onInput={(shortcut) => edit({ shortcut })}
      />
      <TextField
        label="Title"
        value={form.title}
        messages={errorsAt(errors, "title")}
        onInput={(t) => edit({ title: t })}
      />
      <TextAreaField
        label="Text"
        value={form.body}
        rows={5}
        messages={errorsAt(errors, "body")}
        onInput={(body) => edit({ body })}
      />
      <p class="hint">
        Filled in when inserted: {"{visitor.name}"}, {"{visitor.email}"}, {"{agent.name}"} (you) and {"{ticket.number}"}{" "}
        (the ticket made from the chat). Anything else in braces stays as typed.
      </p>
    </EditorForm>
  );
}
