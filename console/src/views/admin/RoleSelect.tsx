import { AGENT_ROLES, type AgentRole } from "@parley/shared/constants";
import { ROLE_LABELS } from "../../state/roles.ts";

interface RoleSelectProps {
  id?: string;
  label?: string;
  value: AgentRole;
  disabled?: boolean;
  /** Id of a note that explains the field, e.g. why it cannot be changed. */
  describedBy?: string | undefined;
  onChange: (role: AgentRole) => void;
  invalid?: Record<string, unknown>;
}

const isRole = (value: string): value is AgentRole => (AGENT_ROLES as readonly string[]).includes(value);

export function RoleSelect({ id, label, value, disabled, describedBy, onChange, invalid }: RoleSelectProps) {
  return (
    <select
      id={id}
      aria-label={label}
      value={value}
      disabled={disabled}
      aria-describedby={describedBy}
      {...invalid}
      onChange={(e) => {
        const role = e.currentTarget.value;
        if (isRole(role)) onChange(role);
      }}
    >
      {AGENT_ROLES.map((r) => (
        <option key={r} value={r}>
          {ROLE_LABELS[r]}
        </option>
      ))}
    </select>
  );
}
