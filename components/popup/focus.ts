/** True when the keyboard focus is already on a control (not on the page itself): don't move it then. */
export const focusTaken = () => !!document.activeElement && document.activeElement !== document.body;
