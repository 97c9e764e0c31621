import { defineConfig } from 'vite';

// The viewer is a static app: `newsgraph view` serves viewer/dist and the graph at /graph.
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    reportCompressedSize: false,
  },
  logLevel: 'warn',
});
