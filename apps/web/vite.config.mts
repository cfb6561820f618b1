import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Built into apps/web/dist, which the API serves at `/` (apps/api/src/web-app/serve-web-app.ts); `npm run dev:web` serves
// the sources with the API behind /api on its usual port.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  resolve: {
    alias: {
      '@dh/machines': `${import.meta.dirname}/../../machines`,
      '@dh/labels': `${import.meta.dirname}/../../libs/labels/src`,
    },
  },
  build: { outDir: 'dist', emptyOutDir: true, manifest: true },
  server: { port: 5173, proxy: { '/api': `http://localhost:${process.env.PORT ?? 3000}` } },
});
