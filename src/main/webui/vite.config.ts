/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Quinoa serves the build (dist/) from Quarkus and, in dev mode, proxies to this dev server. Run alone
// (`npm run dev`), the dev server forwards /api to a Quarkus on :8080.
export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    strictPort: true,
    proxy: { '/api': 'http://localhost:8080' },
  },
  // no source maps in the served app: the jar stays lean and the public origin serves only what runs
  build: { outDir: 'dist', sourcemap: false },
  test: {
    environment: 'jsdom',
    globals: true,
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
  },
});
