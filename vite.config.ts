import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/*
 * The renderer bundle. The page runs under `script-src 'self'; style-src 'self'`, so everything must come out as
 * files: plain CSS (imported from TS, emitted as <link>), no inline scripts or styles. `base: './'` lets the same
 * build load from file:// in Electron and from `lotsen serve` in a browser.
 */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
  },
});
