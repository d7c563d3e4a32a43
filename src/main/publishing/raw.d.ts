/** Text files bundled at build time (Vite's ?raw), such as the preview template in resources/. */
declare module '*?raw' {
  const text: string;
  export default text;
}
