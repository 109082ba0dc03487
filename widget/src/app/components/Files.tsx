import type { AttachmentDto } from "@parley/shared";
import { ATTACHMENT_ACCEPT } from "@parley/shared/constants";
import { createContext } from "preact";
import { useContext, useEffect, useReducer, useRef, useState } from "preact/hooks";
import { type AttachmentRef, FILE_RULES, type FileAccess, type UploadTarget } from "../attachments.ts";
import { text } from "../i18n/language.ts";

// The app's side of files: what is drawn before the files chunk (../files/FileViews.tsx) has come, and the
// moments that fetch it. Everything that uploads, downloads or lists staged files is in the chunk.

export type FilesChunk = typeof import("../files/FileViews.tsx");

let loading: Promise<FilesChunk> | undefined;
/** The files chunk once fetched: set for every component at once, so a redraw after it came is synchronous. */
let chunk: FilesChunk | null = null;

/**
 * Uploading, downloading, thumbnails and the staged-files list are one chunk, fetched on the first file picked, dropped
 * or shown: most chats have none (the app's size budget: docs/development.md). A failed fetch is retried on the next
 * use.
 */
export function loadFiles(): Promise<FilesChunk> {
  loading ??= import("../files/FileViews.tsx").then(
    async (m) => {
      // Its words in the visitor's language come with it (loadFilesText never rejects).
      await m.loadFilesText(text().lang);
      chunk = m;
      return m;
    },
    (err: unknown) => {
      loading = undefined;
      throw err;
    },
  );
  return loading;
}

/** Downloads need the visitor's credentials, which the chat client holds. */
export const AttachmentsContext = createContext<FileAccess | null>(null);

function useFilesChunk(wanted: boolean): FilesChunk | null {
  const [got, setGot] = useState(chunk);
  useEffect(() => {
    // The names stay listed if the fetch fails; the next message with files tries again.
    if (wanted && !got) loadFiles().then(setGot, (err: unknown) => console.error("Parley: files", err));
  }, [wanted, got]);
  return got;
}

/** A message's or reply's files: names at once, download buttons (and thumbnails) when the chunk is here. */
export function FileLinks({ files }: { files: readonly AttachmentDto[] | undefined }) {
  const access = useContext(AttachmentsContext);
  const loaded = useFilesChunk(Boolean(files?.length));
  if (!files?.length) return null;
  return loaded ? <loaded.FileLinks files={files} access={access} /> : <FileNames files={files} />;
}

/** Files named only: a send not acknowledged yet, or a message's files before the chunk has come. */
export function FileNames({ files }: { files: readonly AttachmentRef[] }) {
  return files.length ? (
    <ul class="files">
      {files.map((f) => (
        <li key={f.id}>{f.name}</li>
      ))}
    </ul>
  ) : null;
}

/**
 * Files picked for the next message. The first pick fetches the chunk; until it is here the picks count as
 * uploading, so a send waits for them.
 */
export function useUploads(target: UploadTarget | null) {
  const access = useContext(AttachmentsContext);
  const queue = useRef<InstanceType<FilesChunk["UploadQueue"]> | null>(null);
  const [, bump] = useReducer((n: number) => n + 1, 0);
  const redraw = () => bump(undefined);
  const [fetching, setFetching] = useState(0);
  const [fetchProblem, setFetchProblem] = useState<string | null>(null);

  const add = (picked: readonly File[]) => {
    if (!target || !access || picked.length === 0) return;
    setFetching((n) => n + 1);
    setFetchProblem(null);
    loadFiles()
      .then(
        (c) => {
          queue.current ??= new c.UploadQueue(redraw, FILE_RULES.perMessage);
          const client = new c.AttachmentClient(access);
          queue.current.add(picked, (file) => client.upload(target, file));
        },
        () => {
          const t = text();
          setFetchProblem(t.cannotAttach(picked.map((f) => f.name).join(", "), t.errors.connectionFailed));
        },
      )
      .finally(() => setFetching((n) => n - 1));
  };

  const q = queue.current;
  return {
    queue: q,
    ready: (q?.ready ?? []) as AttachmentRef[],
    uploading: fetching > 0 || Boolean(q?.uploading),
    problems: [...(q?.problems ?? []), ...(fetchProblem ? [fetchProblem] : [])],
    add,
    clear: () => {
      q?.clear();
      setFetchProblem(null);
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

/** The staged list (from the chunk) and the problems, in a live region that is always there to announce them. */
export function StagedFiles({ uploads }: { uploads: ReturnType<typeof useUploads> }) {
  return (
    <>
      {uploads.queue && chunk && <chunk.StagedList queue={uploads.queue} />}
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
