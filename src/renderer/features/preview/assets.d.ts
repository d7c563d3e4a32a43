/** Vite's ?url imports: the built file's address on the renderer's own origin. */
declare module '*?url' {
  const url: string;
  export default url;
}
