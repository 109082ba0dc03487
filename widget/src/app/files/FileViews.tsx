import type { AttachmentDto } from "@parley/shared";
import { hasThumbnail } from "@parley/shared/rich-text";
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import { adoptStyles } from "../../adopt-styles.ts";
import type { AttachmentRef, FileAccess, UploadResult } from "../attachments.ts";
import { useFilesText } from "../i18n/files.ts";
import { AttachmentClient, admitFiles, formatSize } from "./attachment-client.ts";
import { FILES_CSS } from "./files-styles.ts";

export { loadFilesText } from "../i18n/files.ts";

// The files chunk's entry (loadFiles in ../attachments.ts): what the app draws of files once one is picked or shown.
export { AttachmentClient };

const clients = new WeakMap<FileAccess, AttachmentClient>();
const clientOf = (access: FileAccess) => {
  const client = clients.get(access) ?? new AttachmentClient(access);
  clients.set(access, client);
  return client;
};

const styled = new WeakSet<Node>();

/** The chunk's rules, adopted once per shadow root by whichever of its lists draws first, and kept. */
function useFilesStyles() {
  const ref = useRef<HTMLUListElement>(null);
  useLayoutEffect(() => {
    const root = ref.current?.getRootNode();
    if (root instanceof ShadowRoot && !styled.has(root)) {
      styled.add(root);
      adoptStyles(root, FILES_CSS);
    }
  }, []);
  return ref;
}

/** A message's or reply's files, each a button that downloads it; a failed download is said next to it. */
export function FileLinks({ files, access }: { files: readonly AttachmentDto[]; access: FileAccess | null }) {
  const client = access && clientOf(access);
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const list = useFilesStyles();
  const t = useFilesText();
  const download = async (file: AttachmentDto) => {
    if (!client || busy) return;
    setBusy(file.id);
    setProblem(null);
    setProblem(await client.download(file));
    setBusy(null);
  };
  return (
    <>
      <ul class="files" ref={list}>
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
 * ready, and any that failed are said by name. Sending takes the ready ones. `changed` redraws the composer.
 */
export class UploadQueue {
  files: StagedFile[] = [];
  problems: string[] = [];
  private next = 0;

  constructor(
    private readonly changed: () => void,
    private readonly perMessage: number,
  ) {}

  add(picked: readonly File[], upload: (file: File) => Promise<UploadResult>): void {
    const { accepted, problem } = admitFiles(this.files.length, picked, this.perMessage);
    this.problems = problem ? [problem] : [];
    for (const file of accepted) {
      const key = ++this.next;
      this.files = [...this.files, { key, name: file.name, attachment: null }];
      void upload(file).then((result) => {
        if (result.ok) {
          // Removed (or sent and cleared) while it uploaded: the map finds nothing and leaves it out.
          this.files = this.files.map((f) => (f.key === key ? { ...f, attachment: result.attachment } : f));
        } else {
          this.files = this.files.filter((f) => f.key !== key);
          this.problems = [...this.problems, result.problem];
        }
        this.changed();
      });
    }
    this.changed();
  }

  get ready(): AttachmentRef[] {
    return this.files.flatMap((f) => (f.attachment ? [{ id: f.attachment.id, name: f.name }] : []));
  }

  get uploading(): boolean {
    return this.files.some((f) => !f.attachment);
  }

  remove(key: number): void {
    this.files = this.files.filter((f) => f.key !== key);
    this.changed();
  }

  clear(): void {
    this.files = [];
    this.problems = [];
    this.changed();
  }
}

export function StagedList({ queue }: { queue: UploadQueue }) {
  const t = useFilesText();
  const list = useFilesStyles();
  if (queue.files.length === 0) return null;
  return (
    <ul class="staged" aria-label={t.filesToSend} ref={list}>
      {queue.files.map((f) => (
        <li key={f.key}>
          <span class="name">{f.name}</span> <span class="size">{f.attachment ? t.ready : t.uploading}</span>
          <button
            type="button"
            class="remove"
            aria-label={t.remove(f.name)}
            title={t.remove(f.name)}
            onClick={() => queue.remove(f.key)}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
