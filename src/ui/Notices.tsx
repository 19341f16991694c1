// The notices area: errors stay until dismissed, info fades after a few seconds.
import { useEffect } from 'react';
import { useStudio, useStudioStore } from '../state/store-context';

const INFO_MS = 4000;

export function Notices() {
  const notices = useStudio((s) => s.notices);
  const store = useStudioStore();
  useEffect(() => {
    const timers = notices
      .filter((n) => n.kind === 'info')
      .map((n) => setTimeout(() => store.getState().dismiss(n.id), INFO_MS));
    return () => timers.forEach(clearTimeout);
  }, [notices, store]);
  if (notices.length === 0) return null;
  return (
    <div className="notices" aria-live="polite">
      {notices.map((n) => (
        <div
          key={n.id}
          className={`notice notice-${n.kind}`}
          role={n.kind === 'error' ? 'alert' : 'status'}
        >
          <span className="notice-text">{n.text}</span>
          <button
            type="button"
            className="notice-close"
            aria-label="Dismiss"
            onClick={() => store.getState().dismiss(n.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
