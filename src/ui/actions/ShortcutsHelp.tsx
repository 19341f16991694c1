// The help overlay (?): every action with a shortcut, by menu, read from the action table.
import { useEffect, useRef } from 'react';
import { displayKey } from './keys';
import { MENUS, STUDIO_ACTIONS } from './studio-actions';
import './menu-bar.css';

const MOUSE: [string, string][] = [
  ['Left drag', 'Orbit'],
  ['Right drag / Shift+left drag', 'Pan'],
  ['Wheel / pinch', 'Zoom'],
  ['Click', 'Select (Shift: add or remove)'],
  ['B then drag, or Ctrl+drag', 'Box select (Shift: add)'],
  ['Gizmo handles', 'Move, rotate, scale (Ctrl: snap)'],
  [
    'During G / R / S',
    'X, Y, Z axis · type a value · Ctrl snaps · Enter or click confirms · Esc cancels',
  ],
];

export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => {
    dialog.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' || e.key === '?') {
        e.preventDefault();
        e.stopPropagation();
        onClose();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onClose]);
  return (
    <div className="overlay-backdrop" onPointerDown={onClose}>
      <div
        className="shortcuts-help"
        role="dialog"
        aria-modal="true"
        aria-label="Keyboard shortcuts"
        tabIndex={-1}
        ref={dialog}
        onPointerDown={(e) => e.stopPropagation()}
      >
        <header>
          <h2>Keyboard shortcuts</h2>
          <button type="button" className="dialog-close" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </header>
        <div className="shortcuts-columns">
          {MENUS.map((menu) => {
            const actions = STUDIO_ACTIONS.filter((a) => a.menu === menu && a.keys?.length);
            if (actions.length === 0) return null;
            return (
              <section key={menu}>
                <h3>{menu}</h3>
                <dl>
                  {actions.map((a) => (
                    <div className="shortcut-row" key={a.id}>
                      <dt>{a.label}</dt>
                      <dd>
                        {a.keys!.map((k) => (
                          <kbd key={k}>{displayKey(k)}</kbd>
                        ))}
                      </dd>
                    </div>
                  ))}
                </dl>
              </section>
            );
          })}
          <section>
            <h3>Mouse and touch</h3>
            <dl>
              {MOUSE.map(([k, v]) => (
                <div className="shortcut-row" key={k}>
                  <dt>{v}</dt>
                  <dd>
                    <kbd>{k}</kbd>
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        </div>
      </div>
    </div>
  );
}
