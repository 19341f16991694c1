// A modal dialog: backdrop (a press outside closes it), title, close button, and keys that close
// it (Escape, plus any given) taken in the capture phase so they never reach the studio's shortcuts.
// Focus moves into the dialog once, on opening: to the element marked data-autofocus, else the dialog.
import { useEffect, useRef, type ReactNode } from 'react';
import './actions/menu-bar.css';

export interface DialogProps {
  label: string;
  className: string;
  onClose: () => void;
  /** Keys besides Escape that close it ('?' closes the shortcuts help). */
  closeKeys?: readonly string[];
  children: ReactNode;
}

export function Dialog({ label, className, onClose, closeKeys = [], children }: DialogProps) {
  const dialog = useRef<HTMLDivElement>(null);
  // The latest onClose, so a parent re-render neither re-registers the listener nor moves focus.
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  }, [onClose]);
  const keys = closeKeys.join('\n');

  useEffect(() => {
    const el = dialog.current;
    (el?.querySelector<HTMLElement>('[data-autofocus]') ?? el)?.focus();
    const closing = new Set(['Escape', ...keys.split('\n').filter(Boolean)]);
    const onKey = (e: KeyboardEvent) => {
      if (!closing.has(e.key)) return;
      e.preventDefault();
      e.stopPropagation();
      close.current();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [keys]);

  return (
    <div className="overlay-backdrop" onPointerDown={() => close.current()}>
      <div
        className={className}
        role="dialog"
        aria-modal="true"
        aria-label={label}
        tabIndex={-1}
        ref={dialog}
        onPointerDown={(e) => e.stopPropagation()}
      >
        <header>
          <h2>{label}</h2>
          <button type="button" className="dialog-close" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </header>
        {children}
      </div>
    </div>
  );
}
