import { useCallback, useRef, useState } from 'preact/hooks';
import { describeError } from '@/lib/errors';

export type ActionState = { status: 'idle' | 'busy' | 'done' } | { status: 'error'; error: string };

/**
 * One action the rep starts (save, restore, merge…): whether it is running, done, or failed and why, in the rep's
 * language. `run` ignores a second start while the first runs (a double click sends nothing twice) and answers
 * whether the action succeeded, so the caller can move on (close a form, clear a field) only then.
 */
export function useAction(): [ActionState, (action: () => Promise<unknown>) => Promise<boolean>, () => void] {
  const [state, setState] = useState<ActionState>({ status: 'idle' });
  const running = useRef(false);
  const run = useCallback(async (action: () => Promise<unknown>) => {
    if (running.current) return false;
    running.current = true;
    setState({ status: 'busy' });
    try {
      await action();
      setState({ status: 'done' });
      return true;
    } catch (err) {
      setState({ status: 'error', error: describeError(err) });
      return false;
    } finally {
      running.current = false;
    }
  }, []);
  const reset = useCallback(() => setState({ status: 'idle' }), []);
  return [state, run, reset];
}

/** The error to show for an action's state, or nothing. */
export function actionError(state: ActionState): string {
  return state.status === 'error' ? state.error : '';
}
