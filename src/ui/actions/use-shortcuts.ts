// The one keydown listener for the studio's shortcuts: finds the action bound to the key in the
// action table and runs it, unless the user is typing in a field or a modal transform owns the
// keyboard (it captures its own keys first).
import { useEffect } from 'react';
import { isTyping, matchesKey } from './keys';
import { STUDIO_ACTIONS, type ActionContext } from './studio-actions';

export function findAction(event: KeyboardEvent, ctx: ActionContext) {
  const state = ctx.store.getState();
  return STUDIO_ACTIONS.find(
    (a) => a.keys?.some((k) => matchesKey(event, k)) && (a.enabled ? a.enabled(state, ctx) : true),
  );
}

export function useShortcuts(ctx: ActionContext, active: () => boolean): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !active()) return;
      if (ctx.editTools.busy()) return;
      const action = findAction(event, ctx);
      if (!action || (isTyping(event.target) && !action.whileTyping)) return;
      event.preventDefault();
      action.run(ctx);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ctx, active]);
}
