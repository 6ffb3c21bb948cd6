/**
 * False on a server (server-side rendering, Node): there the engine starts nothing, no timer, no listener,
 * no request, so importing Vitrine and calling it while rendering a page neither throws nor keeps the
 * process busy. A function, not a constant: a DOM shim may be installed after this module loads.
 */
export const inBrowser = (): boolean => typeof document !== 'undefined';
