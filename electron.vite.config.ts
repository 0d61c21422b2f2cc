import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // Native and Node-side packages stay in node_modules; better-sqlite3's .node file is unpacked from the asar.
      externalizeDeps: true,
      // The catalogue builder runs on a worker thread, from its own file beside index.js (catalogueBuild.ts).
      rolldownOptions: {
        input: { index: resolve('electron/main/index.ts'), catalogueBuildWorker: resolve('electron/core/catalogue/catalogueBuildWorker.ts') },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can only require('electron'): bundle everything else into one CommonJS file.
      externalizeDeps: false,
      isolatedEntries: true,
      rolldownOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      outDir: resolve('out/renderer'),
      minify: true,
      rolldownOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
