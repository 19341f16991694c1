// The help overlay (?): every action with a shortcut, by menu, read from the action table.
import { Dialog } from '../Dialog';
import { displayKey } from './keys';
import { MENUS, STUDIO_ACTIONS } from './studio-actions';

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
  return (
    <Dialog
      label="Keyboard shortcuts"
      className="shortcuts-help"
      onClose={onClose}
      closeKeys={['?']}
    >
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
    </Dialog>
  );
}
