// Visible and Locked checkboxes; 'mixed' for a multiple selection where the objects differ.

export interface Flag {
  checked: boolean | 'mixed';
  /** Why the object looks otherwise: 'hidden by its group'. */
  note?: string | undefined;
}

export interface FlagBoxesProps {
  visible: Flag;
  locked: Flag;
  onVisible(on: boolean): void;
  onLocked(on: boolean): void;
}

function Box({
  label,
  flag,
  onChange,
}: {
  label: string;
  flag: Flag;
  onChange(on: boolean): void;
}) {
  return (
    <label className="inspector-flag">
      <input
        type="checkbox"
        checked={flag.checked === true}
        aria-checked={flag.checked === 'mixed' ? 'mixed' : undefined}
        ref={(el) => {
          if (el) el.indeterminate = flag.checked === 'mixed';
        }}
        // A mixed box turns everything on.
        onChange={() => onChange(flag.checked !== true)}
      />
      {label}
      {flag.note && <span className="inspector-flag-note">({flag.note})</span>}
    </label>
  );
}

export function FlagBoxes(p: FlagBoxesProps) {
  return (
    <div className="inspector-flags">
      <Box label="Visible" flag={p.visible} onChange={p.onVisible} />
      <Box label="Locked" flag={p.locked} onChange={p.onLocked} />
    </div>
  );
}
