import { defineConfig } from 'vite';

// The renderer: React via TypeScript's react-jsx transform (no plugin), served from a custom
// protocol or the web host, so every asset path is relative.
export default defineConfig({
  root: 'renderer',
  base: './',
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    rolldownOptions: {
      // The elkjs bundle makes the worker transform slow; that is expected, not news.
      checks: { pluginTimings: false },
      // @xyflow/react marks itself "use client" for server components; meaningless here.
      onLog(level, log, handler) {
        if (log.code !== 'MODULE_LEVEL_DIRECTIVE') handler(level, log);
      },
    },
  },
  worker: { format: 'es' },
});
