/**
 * The ringing sound, synthesized with WebAudio so there is no audio file to ship: two soft sine notes.
 * Browsers let a page make sound only after the user has interacted with it; until then it stays silent.
 */
let context: AudioContext | null = null;
let gestured = false;

/** Call once: notes the first click or key press, after which the chime may play. */
export function listenForFirstGesture(): () => void {
  const mark = () => {
    gestured = true;
    // Created (or resumed) inside the gesture, so it starts running.
    audio()
      ?.resume()
      .catch(() => undefined);
    stop();
  };
  const stop = () => {
    window.removeEventListener("pointerdown", mark, true);
    window.removeEventListener("keydown", mark, true);
  };
  window.addEventListener("pointerdown", mark, true);
  window.addEventListener("keydown", mark, true);
  return stop;
}

function audio(): AudioContext | null {
  if (!context && typeof AudioContext !== "undefined") context = new AudioContext();
  return context;
}

export function playChime(): void {
  if (!gestured) return;
  const ctx = audio();
  if (!ctx) return;
  const start = ctx.currentTime;
  [880, 1318.5].forEach((frequency, i) => {
    const at = start + i * 0.18;
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = "sine";
    osc.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.4);
    osc.connect(gain).connect(ctx.destination);
    osc.start(at);
    osc.stop(at + 0.42);
  });
}
