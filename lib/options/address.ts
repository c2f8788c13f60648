/**
 * The options page's address, `options.html#<view>?<params>`: the view's id as written ('' when none) and the
 * view's parameters. Small and dependency-free: the page's first module reads it before anything loads.
 */
export function splitHash(hash: string): { view: string; params: URLSearchParams } {
  const [view = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  return { view, params: new URLSearchParams(query) };
}

/** Whether an address names the board (the default view, also when none is named). */
export function namesBoard(view: string): boolean {
  return view === '' || view === 'board';
}
