import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { wgsl } from './build/wgsl-plugin.ts';
import { securityHeaders } from './build/security-headers.ts';
import { cspMeta } from './build/csp-meta-plugin.ts';
import { largeFiles } from './build/large-files-plugin.ts';
import {
  LARGE_FILES_CACHE,
  LARGE_FILE_GLOBS,
  largeFileUrlPattern,
} from './src/pwa/large-file-patterns.ts';

const base = '/';

export default defineConfig({
  base,
  plugins: [
    react(),
    wgsl(),
    cspMeta(),
    largeFiles(),
    // The offline studio: the app shell is precached; a new version installs in the background and
    // waits until the user accepts "Update now" (src/pwa/register-service-worker.ts registers it).
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      strategies: 'generateSW',
      // The globs below already precache every icon.
      includeManifestIcons: false,
      manifest: {
        id: base,
        name: 'Canvas3D Studio',
        short_name: 'Canvas3D',
        description: 'A browser-native WebGPU procedural 3D studio that works offline.',
        theme_color: '#14161a',
        background_color: '#14161a',
        display: 'standalone',
        start_url: base,
        scope: base,
        categories: ['graphics', 'design', 'productivity'],
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          {
            src: 'icons/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      workbox: {
        // The app shell: every script, style, page, icon and example spec (WGSL is bundled into
        // the scripts). large-files.json is small and precached too.
        globPatterns: ['**/*.{js,css,html,svg,png,ico,json,webmanifest}'],
        // Large files are cached in the background and served cache-first instead (below).
        globIgnores: [...LARGE_FILE_GLOBS, '**/*.map'],
        // The main chunk is over 2 MiB (Workbox's default limit).
        maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
        // Share links and deep links open the studio offline too.
        navigateFallback: 'index.html',
        // A new version waits (registerType 'prompt'); tabs are never claimed behind the user's
        // back, and only the tab that accepts the update reloads.
        clientsClaim: false,
        skipWaiting: false,
        cleanupOutdatedCaches: true,
        runtimeCaching: [
          {
            urlPattern: largeFileUrlPattern(base),
            handler: 'CacheFirst',
            options: {
              cacheName: LARGE_FILES_CACHE,
              cacheableResponse: { statuses: [200] },
            },
          },
        ],
      },
    }),
  ],
  worker: { format: 'es', plugins: () => [wgsl()] },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 2000 },
  preview: { port: Number(process.env.PORT ?? 4173), strictPort: true, headers: securityHeaders },
  server: { port: 5173 },
});
