// Bare Astro: no integrations, the default markdown processor, default caches.
import { defineConfig } from 'astro/config';

export default defineConfig({});
