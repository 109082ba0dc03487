import type { ConversationDetailDto } from "@parley/shared";
import type { ErrorBody } from "@parley/shared/errors";
import { useEffect, useRef, useState } from "preact/hooks";
import { failureOf } from "../realtime/socket.ts";
import { type TransferTargets, transferInput } from "../state/transfer.ts";
import { useSession } from "./session-context.ts";

type DialogModule = typeof import("./TransferDialog.tsx");

const UNANSWERED = "The server did not answer in time. Check who has the chat before trying again.";

interface TransferButtonProps {
  detail: ConversationDetailDto;
  targets: TransferTargets;
  /** The chat is no longer this agent's to show: `text` says where it went. */
  onTransferred: (text: string) => void;
}

export function TransferButton({ detail, targets, onTransferred }: TransferButtonProps) {
  const session = useSession();
  const [open, setOpen] = useState(false);
  // The dialog is loaded on first use: most chats end without a transfer.
  const [dialog, setDialog] = useState<DialogModule | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const openDialog = () => {
    if (dialog) return setOpen(true);
    import("./TransferDialog.tsx").then(
      (module) => {
        setDialog(module);
        setLoadFailed(false);
        setOpen(true);
      },
      () => setLoadFailed(true),
    );
  };
  const buttonRef = useRef<HTMLButtonElement>(null);

  // Back to the button once the dialog is gone: while it is open the rest of the page is inert.
  const wasOpen = useRef(false);
  useEffect(() => {
    if (wasOpen.current && !open) buttonRef.current?.focus();
    wasOpen.current = open;
  }, [open]);
  const close = () => setOpen(false);

  const submit = async (target: string, note: string): Promise<ErrorBody | null> => {
    const input = transferInput(detail.id, target, note);
    if (!input) return { code: "BAD_REQUEST", message: "Choose a colleague or a product team." };
    const result = await session.conversations.transfer(input);
    if (!result.ok) return failureOf(result, UNANSWERED);
    const name = [...targets.agents, ...targets.products].find((o) => o.value === target)?.name ?? "";
    setOpen(false);
    onTransferred(
      input.to.kind === "agent"
        ? `Transferred ${detail.visitorName}'s chat to ${name}.`
        : `${detail.visitorName}'s chat is back in the queue for the ${name} team.`,
    );
    return null;
  };

  return (
    <>
      <button type="button" ref={buttonRef} aria-haspopup="dialog" onClick={openDialog}>
        Transfer
      </button>
      {loadFailed && (
        <span class="error" role="alert">
          The transfer dialog could not be loaded. Check your connection and try again.
        </span>
      )}
      {open && dialog && (
        <dialog.TransferDialog visitorName={detail.visitorName} targets={targets} onSubmit={submit} onClose={close} />
      )}
    </>
  );
}
