// Vite's `?worker` imports (the renderer's tsconfig loads no vite/client types): a constructor
// of a same-origin module worker bundled with the app, which the CSP's worker-src 'self' allows.
declare module '*?worker' {
  const WorkerConstructor: new (options?: { name?: string }) => Worker;
  export default WorkerConstructor;
}
