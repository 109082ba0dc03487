import { randomBytes } from "node:crypto";
import type { FileHandle } from "node:fs/promises";
import { mkdir, open, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

const STORED_NAME = /^[a-f0-9]{32}$/;

/**
 * Attachment bytes on disk, one file per upload under a random name, so nothing a client sends ever
 * becomes part of a path. A file appears under its final name only once it is complete (written to a
 * temporary name in the same directory, then renamed), so a crash never leaves half a file to serve.
 */
export class AttachmentStore {
  readonly dir: string;

  /**
   * `dir` is ATTACHMENTS_DIR. With several nodes it is a volume they all mount: an upload to one is downloaded from
   * another. Files stay out of the database: on devdb anything but a primary-key read scans, which GridFS's chunk
   * reads by file are; and files on a volume stream with sendfile and back up apart from the data.
   */
  constructor(dir: string) {
    this.dir = dir;
  }

  /** Writes the bytes and returns the stored name. */
  async put(bytes: Uint8Array): Promise<string> {
    await mkdir(this.dir, { recursive: true });
    const storedName = randomBytes(16).toString("hex");
    const temp = path.join(this.dir, `.${storedName}.partial`);
    try {
      await writeFile(temp, bytes, { flag: "wx" });
      await rename(temp, this.pathOf(storedName));
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
    return storedName;
  }

  /** Opens a stored file for reading; null when it is missing. */
  async open(storedName: string): Promise<FileHandle | null> {
    try {
      return await open(this.pathOf(storedName), "r");
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw err;
    }
  }

  async remove(storedName: string): Promise<void> {
    await rm(this.pathOf(storedName), { force: true });
  }

  private pathOf(storedName: string): string {
    // Names come from put() by way of the database; the check keeps a bad row from naming another path.
    if (!STORED_NAME.test(storedName)) throw new Error("invalid stored attachment name");
    return path.join(this.dir, storedName);
  }
}
