import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The web app is served by the api from dist/web in production (one port); in development
// `vite` serves it and forwards the API paths to the api on port 3000.
export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [react()],
  resolve: {
    alias: {
      '@registry/domain': here('../libs/domain/src/index.ts'),
      '@registry/graphql-client': here('../libs/graphql-client/src/index.ts'),
    },
  },
  build: {
    outDir: here('../dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
  },
  server: {
    port: 4200,
    proxy: {
      '/graphql': 'http://localhost:3000',
      '/health': 'http://localhost:3000',
    },
  },
});
