// Messages for the user: errors (a bad file, a failed edit, a lost device) and confirmations, shown
// by the notices area until dismissed (errors) or for a few seconds (info). Never only in the console.
import type { StateCreator } from 'zustand';

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  text: string;
}

export interface NoticeSlice {
  notices: readonly Notice[];
  notify(kind: Notice['kind'], text: string): number;
  dismiss(id: number): void;
}

/** Older notices give way; a burst of errors must not cover the viewport. */
const MAX_NOTICES = 4;

export const createNoticeSlice: StateCreator<NoticeSlice, [], [], NoticeSlice> = (set, get) => {
  let next = 1;
  return {
    notices: [],
    notify(kind, text) {
      const id = next++;
      set({ notices: [...get().notices, { id, kind, text }].slice(-MAX_NOTICES) });
      return id;
    },
    dismiss: (id) => set({ notices: get().notices.filter((n) => n.id !== id) }),
  };
};
