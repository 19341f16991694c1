// "Copy share link": the link that rebuilds the open scene (spec, edits, materials, camera) in the
// URL's fragment, its size and a Copy button; or, where the scene cannot travel in a link (imported
// models, too many edits), the reason and a project file to send instead.
import { useEffect, useRef, useState } from 'react';
import type { ProjectSession, ShareLinkResult } from '../../projects/project-session';
import { Dialog } from '../Dialog';
import { formatCount } from '../format';
import './projects.css';

export interface ShareLinkDialogProps {
  session: ProjectSession;
  onClose: () => void;
  /** Downloads the project file (offered when there can be no link). */
  onExport: () => void;
}

type View = { status: 'making' } | { status: 'failed'; error: string } | ShareLinkResult;

export function ShareLinkDialog({ session, onClose, onExport }: ShareLinkDialogProps) {
  const [view, setView] = useState<View>({ status: 'making' });
  const [copied, setCopied] = useState<'copied' | 'manual' | null>(null);
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let live = true;
    session.shareLink().then(
      (result) => live && setView(result),
      (error: unknown) =>
        live &&
        setView({
          status: 'failed',
          error: error instanceof Error ? error.message : String(error),
        }),
    );
    return () => {
      live = false;
    };
  }, [session]);

  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('copied');
    } catch {
      // No clipboard permission (or an insecure context): select it for Ctrl+C.
      field.current?.focus();
      field.current?.select();
      setCopied('manual');
    }
  };

  return (
    <Dialog label="Share link" className="studio-dialog share-dialog" onClose={onClose}>
      {'status' in view && view.status === 'making' && <p>Making the link…</p>}
      {'status' in view && view.status === 'failed' && (
        <p className="dialog-issue" role="alert">
          Could not make the link: {view.error}
        </p>
      )}
      {'ok' in view && view.ok && (
        <>
          <p className="share-note">
            Anyone who opens this link sees this scene: the spec, your edits, the materials and the
            view. Nothing is uploaded; the scene is in the link itself.
          </p>
          <label className="share-field">
            Link
            <input
              ref={field}
              type="text"
              readOnly
              value={view.url}
              data-autofocus
              onFocus={(e) => e.currentTarget.select()}
            />
          </label>
          <p className="share-size">{formatCount(view.bytes)} characters</p>
          {copied === 'copied' && (
            <p className="share-copied" role="status">
              Copied to the clipboard.
            </p>
          )}
          {copied === 'manual' && (
            <p className="share-copied" role="status">
              The link is selected: press Ctrl+C (⌘C on a Mac) to copy it.
            </p>
          )}
          <footer className="dialog-actions">
            <button type="button" onClick={onClose}>
              Close
            </button>
            <button type="button" className="primary" onClick={() => void copy(view.url)}>
              Copy link
            </button>
          </footer>
        </>
      )}
      {'ok' in view && !view.ok && (
        <>
          <p className="dialog-issue" role="alert">
            This scene cannot be shared as a link: {view.reason}
          </p>
          <p className="share-note">
            Export the project as a file instead; it keeps everything, imported models included, and
            opens with Import project file.
          </p>
          <footer className="dialog-actions">
            <button type="button" onClick={onClose}>
              Close
            </button>
            <button
              type="button"
              className="primary"
              data-autofocus
              onClick={() => {
                onExport();
                onClose();
              }}
            >
              Export project file
            </button>
          </footer>
        </>
      )}
    </Dialog>
  );
}
