import type { AttachmentDto } from "@parley/shared";
import { ATTACHMENTS_PATH } from "@parley/shared/constants";
import { hasThumbnail } from "@parley/shared/rich-text";
import { formatBytes } from "../format.ts";

/** Only the server's own download path is linked: an attachment's url never points anywhere else. */
const isDownloadPath = (url: string) => url.startsWith(`${ATTACHMENTS_PATH}/`);

interface AttachmentLinksProps {
  /** Tolerates a message from a server that predates attachments. */
  attachments: readonly AttachmentDto[] | undefined;
  /** Names the list for screen readers, e.g. "Files on T-1001". */
  label?: string;
}

/**
 * Download links, each named by the file and its size. The session cookie goes along (same origin) and the
 * server answers with Content-Disposition: attachment, so nothing is opened in the console's own origin.
 */
export function AttachmentLinks({ attachments, label = "Attached files" }: AttachmentLinksProps) {
  if (!attachments || attachments.length === 0) return null;
  return (
    <ul class="attachments" aria-label={label}>
      {attachments.map((a) => (
        <li key={a.id}>
          {/* Same origin, so the session cookie authorises the image too; the link below is the full file. */}
          {isDownloadPath(a.url) && hasThumbnail(a.contentType) && <img class="thumb" src={a.url} alt={a.name} />}
          {isDownloadPath(a.url) ? (
            <a href={a.url} download={a.name}>
              {a.name} ({formatBytes(a.size)})
            </a>
          ) : (
            <span>
              {a.name} ({formatBytes(a.size)})
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
