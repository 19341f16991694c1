import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { wgsl } from './build/wgsl-plugin.ts';
import { securityHeaders } from './build/security-headers.ts';

export default defineConfig({
  plugins: [react(), wgsl()],
  worker: { format: 'es', plugins: () => [wgsl()] },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 2000 },
  preview: { port: Number(process.env.PORT ?? 4173), strictPort: true, headers: securityHeaders },
  server: { port: 5173 },
});
