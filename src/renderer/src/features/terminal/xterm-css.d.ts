/** xterm's stylesheet, bundled by Vite (no CDN): a side-effect import with no exports. */
declare module '@xterm/xterm/css/xterm.css';
