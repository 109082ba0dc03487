import { useState } from "preact/hooks";

interface SoundToggleProps {
  on: boolean;
  onChange: (on: boolean) => Promise<boolean>;
}

/** The agent's own "chime when a chat rings me" setting, stored on their account (`me:prefs`). */
export function SoundToggle({ on, onChange }: SoundToggleProps) {
  const [failed, setFailed] = useState(false);
  return (
    <span class="sound-toggle">
      <label>
        <input
          type="checkbox"
          checked={on}
          onChange={async (e) => {
            const box = e.currentTarget;
            const saved = await onChange(box.checked);
            // Refused: the box shows the stored setting again.
            if (!saved) box.checked = on;
            setFailed(!saved);
          }}
        />{" "}
        Ring sound
      </label>
      {failed && (
        <span class="status-error" role="alert">
          Not saved; try again.
        </span>
      )}
    </span>
  );
}
