// What the save indicator says for a session state: the words, a tone for its colour and a longer
// explanation for its tooltip. Pure, so every status's wording is tested.
import type { SessionState } from '../../projects/project-session';
import { formatClock } from './time-format';

export type SaveTone = 'ok' | 'busy' | 'warn' | 'error';

export interface SaveStatusView {
  text: string;
  tone: SaveTone;
  title: string;
}

export function saveStatusView(state: SessionState): SaveStatusView {
  switch (state.save) {
    case 'saved':
      return {
        text: state.lastSaved !== undefined ? `Saved ${formatClock(state.lastSaved)}` : 'Saved',
        tone: 'ok',
        title: 'Every change is kept in this browser',
      };
    case 'pending':
      return {
        text: 'Unsaved changes',
        tone: 'busy',
        title: 'Changes are saved automatically in a moment',
      };
    case 'saving':
      return { text: 'Saving…', tone: 'busy', title: 'Writing the latest changes' };
    case 'error':
      return {
        text: `Not saved: ${state.message ?? 'the save failed'}`,
        tone: 'error',
        title: 'The latest save failed; the next change tries again',
      };
    case 'conflict':
      return {
        text: 'Changed in another tab',
        tone: 'warn',
        title: state.message ?? 'This project was changed in another tab',
      };
    case 'off':
      return {
        text: 'Nothing will be kept (private window)',
        tone: 'warn',
        title: state.storage.reason ?? 'Storage is unavailable: nothing will be kept',
      };
  }
}
