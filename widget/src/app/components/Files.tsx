import type { AttachmentDto } from "@parley/shared";
import { ATTACHMENT_ACCEPT } from "@parley/shared/constants";
import { hasThumbnail } from "@parley/shared/rich-text";
import { createContext } from "preact";
import { useContext, useEffect, useRef, useState } from "preact/hooks";
import {
  type AttachmentClient,
  type AttachmentRef,
  admitFiles,
  formatSize,
  type UploadResult,
} from "../attachments.ts";
import { text } from "../i18n/language.ts";

/** Downloads need the visitor's credentials, which the chat client holds. */
export const AttachmentsContext = createContext<AttachmentClient | null>(null);

/** A message's or reply's files, each a button that downloads it; a failed download is said next to it. */
export function FileLinks({ files }: { files: readonly AttachmentDto[] | undefined }) {
  const client = useContext(AttachmentsContext);
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  if (!files?.length) return null;
  const t = text();
  const download = async (file: AttachmentDto) => {
    if (!client || busy) return;
    setBusy(file.id);
    setProblem(null);
    setProblem(await client.download(file));
    setBusy(null);
  };
  return (
    <>
      <ul class="files">
        {files.map((f) => (
          <li key={f.id}>
            {client && hasThumbnail(f.contentType) && <Thumbnail client={client} file={f} />}
            <button
              type="button"
              class="file"
              aria-label={t.download(f.name)}
              aria-busy={busy === f.id ? "true" : undefined}
              onClick={() => void download(f)}
            >
              {f.name}
            </button>{" "}
            <span class="size">{busy === f.id ? t.downloading : formatSize(f.size)}</span>
          </li>
        ))}
      </ul>
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}

/**
 * An image shown small, from a blob URL: the download needs the visitor's bearer token, which an <img src>
 * cannot send. The blob URL is revoked when the message leaves the screen. The button below it opens the file.
 */
function Thumbnail({ client, file }: { client: AttachmentClient; file: AttachmentDto }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let url: string | null = null;
    let live = true;
    void client.fetchFile(file).then((got) => {
      if (!live || typeof got === "string") return;
      url = URL.createObjectURL(got);
      setSrc(url);
    });
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [client, file.id]);
  return src ? <img class="thumb" src={src} alt={file.name} /> : null;
}

export interface StagedFile {
  key: number;
  name: string;
  attachment: AttachmentDto | null;
}

/**
 * Files picked for the next message: each is uploaded at once, listed while it uploads and once it is
 * ready, and any that failed are said by name. Sending takes the ready ones.
 */
export function useUploads(upload: ((file: File) => Promise<UploadResult>) | null) {
  const [files, setFiles] = useState<StagedFile[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  const next = useRef(0);

  const add = (picked: readonly File[]) => {
    if (!upload) return;
    const { accepted, problem } = admitFiles(files.length, picked);
    setProblems(problem ? [problem] : []);
    for (const file of accepted) {
      const key = ++next.current;
      setFiles((all) => [...all, { key, name: file.name, attachment: null }]);
      void upload(file).then((result) => {
        if (result.ok) {
          // Removed while it uploaded: leave it out.
          setFiles((all) => all.map((f) => (f.key === key ? { ...f, attachment: result.attachment } : f)));
        } else {
          setFiles((all) => all.filter((f) => f.key !== key));
          setProblems((all) => [...all, result.problem]);
        }
      });
    }
  };

  const ready: AttachmentRef[] = files.flatMap((f) => (f.attachment ? [{ id: f.attachment.id, name: f.name }] : []));
  return {
    files,
    problems,
    ready,
    uploading: files.some((f) => !f.attachment),
    add,
    remove: (key: number) => setFiles((all) => all.filter((f) => f.key !== key)),
    clear: () => {
      setFiles([]);
      setProblems([]);
    },
  };
}

/** "Attach files": a real file input (so it can be labelled and reached by keyboard), drawn as a button. */
export function AttachControl({ id, onPick }: { id: string; onPick: (files: File[]) => void }) {
  return (
    <label class="attach" for={id}>
      {text().attachFiles}
      <input
        id={id}
        class="sr-only"
        type="file"
        multiple
        accept={ATTACHMENT_ACCEPT}
        onChange={(e) => {
          const input = e.currentTarget;
          onPick(Array.from(input.files ?? []));
          // Picking the same file again after removing it must fire again.
          input.value = "";
        }}
      />
    </label>
  );
}

export function StagedFiles({ uploads }: { uploads: ReturnType<typeof useUploads> }) {
  const t = text();
  return (
    <>
      {uploads.files.length > 0 && (
        <ul class="staged" aria-label={t.filesToSend}>
          {uploads.files.map((f) => (
            <li key={f.key}>
              <span class="name">{f.name}</span> <span class="size">{f.attachment ? t.ready : t.uploading}</span>
              <button
                type="button"
                class="remove"
                aria-label={t.remove(f.name)}
                title={t.remove(f.name)}
                onClick={() => uploads.remove(f.key)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div role="alert" class="problems">
        {uploads.problems.map((p) => (
          <p class="error" key={p}>
            {p}
          </p>
        ))}
      </div>
    </>
  );
}
