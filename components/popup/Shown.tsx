import { useEffect } from 'preact/hooks';

/**
 * Says once that what it is rendered with is on screen: Preact runs effects after the frame that painted the
 * render. Render it as the first child of what it reports on: a render's effects run in the order components
 * finished rendering, so its report then comes first, without waiting for the work of the effects after it
 * (focus, the live queries' subscriptions, a BANT refresh), which is not what the rep sees.
 */
export function Shown({ onShown }: { onShown: () => void }) {
  useEffect(() => onShown(), []);
  return null;
}
