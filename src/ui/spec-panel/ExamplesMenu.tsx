// "New from example": a menu of the shipped example specs. Picking one loads it into the form (it
// does not generate; Generate does, as for any other edit).
import { useEffect, useRef, useState } from 'react';
import { useStudio, useStudioStore } from '../../state/store-context';
import type { ExampleSource } from './examples';

export function ExamplesMenu({ source }: { source: ExampleSource }) {
  const store = useStudioStore();
  const current = useStudio((s) => s.spec.source);
  const [open, setOpen] = useState(false);
  const [loading, setLoading] = useState<string | null>(null);
  const [error, setError] = useState('');
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const pick = async (name: string) => {
    setLoading(name);
    setError('');
    try {
      const spec = await source.load(name);
      store.getState().specLoaded(spec, name);
      setOpen(false);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setLoading(null);
    }
  };

  return (
    <div className="spec-menu" ref={root}>
      <button
        type="button"
        className="spec-button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        New from example <span className="spec-caret" aria-hidden="true" />
      </button>
      {open && (
        <div className="spec-menu-list" role="menu" aria-label="Example specs">
          {source.examples.map((e) => (
            <button
              key={e.name}
              type="button"
              role="menuitem"
              className="spec-menu-item"
              data-example={e.name}
              aria-current={current === e.name || undefined}
              disabled={loading !== null}
              onClick={() => void pick(e.name)}
            >
              <span className="spec-menu-title">
                {e.title}
                <span className="spec-menu-file">{e.name}.json</span>
              </span>
              <span className="spec-menu-summary">
                {loading === e.name ? 'Loading…' : e.summary}
              </span>
            </button>
          ))}
          {error && (
            <p className="spec-issue" role="alert">
              {error}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
