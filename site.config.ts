import { defineConfig } from './src/define-config.ts';

export default defineConfig({
  title: 'FOSDEM Notes',
  description: 'Five posts about Europe’s biggest open source conference, as real blogs wrote them.',
  url: 'http://localhost:3000/',
  language: 'en',
  timezone: 'Europe/Brussels',
  postsPerPage: 10,
});
