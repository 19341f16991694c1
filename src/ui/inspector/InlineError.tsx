// An edit's error shown where it happened, until the next edit succeeds or it is dismissed.
import { Icon } from '../side-panel/icons';

export function InlineError({ text, onDismiss }: { text: string; onDismiss(): void }) {
  return (
    <div className="side-error" role="alert">
      <span>{text}</span>
      <button type="button" className="side-icon-button" aria-label="Dismiss" onClick={onDismiss}>
        <Icon name="close" />
      </button>
    </div>
  );
}
