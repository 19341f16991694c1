// Small line icons for the side panels, drawn on a 16-unit grid in currentColor. Decorative: the
// buttons that hold them carry the accessible names.

const PATHS = {
  eye: 'M1.5 8s2.5-4.5 6.5-4.5S14.5 8 14.5 8 12 12.5 8 12.5 1.5 8 1.5 8Z M8 10a2 2 0 1 0 0-4 2 2 0 0 0 0 4Z',
  eyeOff:
    'M2 2l12 12 M6.3 4c.5-.2 1.1-.3 1.7-.3 4 0 6.5 4.3 6.5 4.3s-.6 1.1-1.7 2.3 M10.9 11.6c-.9.5-1.9.8-2.9.8-4 0-6.5-4.4-6.5-4.4s.8-1.5 2.3-2.8',
  lock: 'M4 7.5h8v6H4z M5.5 7.5V5.5a2.5 2.5 0 0 1 5 0v2',
  unlock: 'M4 7.5h8v6H4z M5.5 7.5V5.5a2.5 2.5 0 0 1 4.9-.7',
  up: 'M8 13V3 M4 7l4-4 4 4',
  down: 'M8 3v10 M4 9l4 4 4-4',
  undo: 'M5.5 3.5 2.5 6.5l3 3 M2.5 6.5h7a4 4 0 0 1 0 8h-3',
  redo: 'M10.5 3.5l3 3-3 3 M13.5 6.5h-7a4 4 0 0 0 0 8h3',
  close: 'M4 4l8 8 M12 4l-8 8',
  part: 'M2.5 5 8 2.5 13.5 5 8 7.5Z M2.5 8 8 10.5 13.5 8 M2.5 11 8 13.5 13.5 11',
  object: 'M8 2.5 13 5.2v5.6L8 13.5 3 10.8V5.2Z M3 5.2l5 2.7 5-2.7 M8 7.9v5.6',
  group: 'M2 4.5h4.5l1.5 1.5H14v7H2Z',
  asset: 'M8 2v8 M5 7l3 3 3-3 M3 12.5h10',
  copy: 'M5.5 5.5h7v7h-7z M3.5 10.5v-7h7',
  terrain: 'M1.5 12.5 6 6l3 4 2-2.5 3.5 5Z',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.4"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
