// A collapsible section of the right-hand sidebar (Outliner, Inspector, History).
import type { ReactNode } from 'react';

export function SidebarSection(props: {
  title: string;
  open: boolean;
  onToggle: () => void;
  grow: number;
  children: ReactNode;
  extra?: ReactNode;
}) {
  return (
    <section
      className={`sidebar-section${props.open ? '' : ' sidebar-section-closed'}`}
      style={props.open ? { flexGrow: props.grow } : undefined}
      aria-label={props.title}
    >
      <header className="sidebar-section-header">
        <button
          type="button"
          className="sidebar-section-toggle"
          aria-expanded={props.open}
          onClick={props.onToggle}
        >
          <span className="sidebar-caret" aria-hidden="true" />
          {props.title}
        </button>
        {props.extra}
      </header>
      {props.open && <div className="sidebar-section-body">{props.children}</div>}
    </section>
  );
}
