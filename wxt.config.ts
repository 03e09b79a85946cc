import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See https://wxt.dev/api/config.html
export default defineConfig({
  imports: false,
  manifest: {
    name: 'Crosscheck',
    description: 'See which outlets made the same claim as the sentence you are reading, and how their figures differ.',
    permissions: ['storage'],
  },
  vite: () => ({
    plugins: [preact()],
  }),
});
