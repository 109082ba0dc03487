import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";

export class DataDirLockedError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `Another Parley server (pid ${pid}) is using ${dir}: stop it first, or give this one its own PARLEY_DATA_DIR. ` +
        "Two servers on one embedded database would corrupt it.",
    );
    this.name = "DataDirLockedError";
  }
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
};

/**
 * One server per embedded-database directory: a lock file holding the owner's pid, taken before devdb starts and
 * removed when this process exits (however it exits, short of `kill -9`; a lock left by a dead process is stale
 * and taken over). A second server is refused with a clear message instead of starting a second devdb on the same
 * SQLite files.
 */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "server.lock");
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, "wx", 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      const release = () => {
        try {
          if (readFileSync(file, "utf8") === String(process.pid)) rmSync(file, { force: true });
        } catch {
          // Already gone.
        }
      };
      process.once("exit", release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const owner = Number.parseInt(readFileSync(file, "utf8"), 10);
      if (Number.isInteger(owner) && owner !== process.pid && alive(owner)) throw new DataDirLockedError(dir, owner);
      rmSync(file, { force: true });
    }
  }
  throw new Error(`could not lock ${dir}`);
}
