// Unread alerts: with the panel closed, a new agent reply flashes the host page's title and, when the
// site turns it on, plays a short tone. The loader's badge on the launcher says the same in its own words.

/** The title alternates: the count for FLASH_ON_MS, the page's own title for FLASH_OFF_MS. */
const FLASH_ON_MS = 2000;
const FLASH_OFF_MS = 1000;

export function flashedTitle(count: number, original: string): string {
  return `(${count}) New message – ${original}`;
}

export class UnreadAlert {
  /** The page's own title while a flash is on; null when the title is the page's. */
  private original: string | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private audio: AudioContext | null = null;
  private soundOn = false;
  private readonly stopOnFocus = () => this.stop();
  private readonly unlock = () => this.unlockAudio();

  constructor(private readonly win: Window = window) {
    // Looking at the page again (another tab, another window) is enough to have seen the alert.
    win.addEventListener("focus", this.stopOnFocus);
  }

  /** The site's "sound on reply" setting; browsers only let audio start after a gesture on the page. */
  setSound(on: boolean): void {
    this.soundOn = on;
    if (!on) return;
    const activation = (this.win.navigator as Navigator & { userActivation?: { hasBeenActive: boolean } })
      .userActivation;
    if (activation?.hasBeenActive) this.unlockAudio();
    else {
      this.win.document.addEventListener("pointerdown", this.unlock, { capture: true, once: true });
      this.win.document.addEventListener("keydown", this.unlock, { capture: true, once: true });
    }
  }

  /** The loader's unread count: a rise is a new reply with the panel closed; 0 means the panel was opened. */
  unread(count: number, previous: number): void {
    if (count === 0) {
      this.stop();
      return;
    }
    if (count <= previous) return;
    const doc = this.win.document;
    if (this.original === null) this.original = doc.title;
    const original = this.original;
    clearTimeout(this.timer);
    const on = () => {
      doc.title = flashedTitle(count, original);
      this.timer = setTimeout(off, FLASH_ON_MS);
    };
    const off = () => {
      doc.title = original;
      this.timer = setTimeout(on, FLASH_OFF_MS);
    };
    on();
    if (this.soundOn) this.tone();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.original !== null) this.win.document.title = this.original;
    this.original = null;
  }

  destroy(): void {
    this.stop();
    this.win.removeEventListener("focus", this.stopOnFocus);
    this.win.document.removeEventListener("pointerdown", this.unlock, { capture: true });
    this.win.document.removeEventListener("keydown", this.unlock, { capture: true });
    void this.audio?.close();
  }

  private unlockAudio(): void {
    if (this.audio) return;
    try {
      this.audio = new AudioContext();
    } catch {
      // No WebAudio: the title still flashes.
    }
  }

  /** A soft two-step chime, generated rather than shipped as a file (nothing to download or cache). */
  private tone(): void {
    const ctx = this.audio;
    if (ctx?.state !== "running") return;
    const gain = ctx.createGain();
    gain.connect(ctx.destination);
    const t = ctx.currentTime;
    gain.gain.setValueAtTime(0.0001, t);
    gain.gain.exponentialRampToValueAtTime(0.15, t + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.35);
    const osc = ctx.createOscillator();
    osc.type = "sine";
    osc.frequency.setValueAtTime(660, t);
    osc.frequency.setValueAtTime(880, t + 0.12);
    osc.connect(gain);
    osc.start(t);
    osc.stop(t + 0.36);
  }
}
