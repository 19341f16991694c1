// The studio's menu bar, read from the action table: File, Edit, Select, Object, View, Help. Each
// item shows its shortcut and is disabled where the action does not apply. Keyboard: arrows move
// between items and menus, Enter runs, Escape closes.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useStudio } from '../../state/store-context';
import { displayKey } from './keys';
import { MENUS, STUDIO_ACTIONS, type ActionContext, type MenuName } from './studio-actions';
import './menu-bar.css';

export function MenuBar({ ctx }: { ctx: ActionContext }) {
  const [open, setOpen] = useState<MenuName | null>(null);
  const bar = useRef<HTMLDivElement>(null);
  // Re-render menus when the state they show (enabled, checked) changes, only while one is open.
  useStudio((s) => (open ? s : null));

  useEffect(() => {
    if (!open) return;
    const close = (e: PointerEvent) => {
      if (!bar.current?.contains(e.target as Node)) setOpen(null);
    };
    document.addEventListener('pointerdown', close);
    return () => document.removeEventListener('pointerdown', close);
  }, [open]);

  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      setOpen(null);
      return;
    }
    if (!open) return;
    const i = MENUS.indexOf(open);
    if (e.key === 'ArrowRight') setOpen(MENUS[(i + 1) % MENUS.length]!);
    if (e.key === 'ArrowLeft') setOpen(MENUS[(i + MENUS.length - 1) % MENUS.length]!);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const items = [
        ...(bar.current?.querySelectorAll<HTMLButtonElement>(
          '[role="menuitem"]:not(:disabled), [role="menuitemcheckbox"]:not(:disabled)',
        ) ?? []),
      ];
      const at = items.indexOf(document.activeElement as HTMLButtonElement);
      const next = e.key === 'ArrowDown' ? at + 1 : at - 1;
      items[(next + items.length) % items.length]?.focus();
    }
  };

  const state = ctx.store.getState();
  return (
    <div className="menu-bar" role="menubar" aria-label="Studio menu" ref={bar} onKeyDown={onKey}>
      {MENUS.map((menu) => (
        <div className="menu" key={menu}>
          <button
            type="button"
            role="menuitem"
            aria-haspopup="menu"
            aria-expanded={open === menu}
            className={`menu-title${open === menu ? ' menu-title-open' : ''}`}
            onClick={() => setOpen(open === menu ? null : menu)}
            onPointerEnter={() => open && open !== menu && setOpen(menu)}
          >
            {menu}
          </button>
          {open === menu && (
            <div className="menu-list" role="menu" aria-label={menu}>
              {STUDIO_ACTIONS.filter((a) => a.menu === menu).map((a) => {
                const enabled = a.enabled ? a.enabled(state, ctx) : true;
                const checked = a.checked?.(state);
                return (
                  <div key={a.id}>
                    {a.separator && <div className="menu-separator" role="separator" />}
                    <button
                      type="button"
                      role={checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
                      {...(checked === undefined ? {} : { 'aria-checked': checked })}
                      className="menu-item"
                      disabled={!enabled}
                      onClick={() => {
                        setOpen(null);
                        a.run(ctx);
                      }}
                    >
                      <span className="menu-check" aria-hidden="true">
                        {checked ? '✓' : ''}
                      </span>
                      <span className="menu-label">{a.label}</span>
                      {a.keys?.[0] && <kbd className="menu-key">{displayKey(a.keys[0])}</kbd>}
                    </button>
                  </div>
                );
              })}
            </div>
          )}
        </div>
      ))}
    </div>
  );
}
