import { defineConfig } from 'blogsmith/config';

// Every key, with its default: README "Site configuration" of blogsmith.
export default defineConfig({
  title: '__TITLE__',
  description: '',
  // The address the site is served from: canonical links, feeds and the sitemap are built on it.
  // The GitHub Pages workflow passes its own with --base-url; set it here for any other host.
  // url: 'https://example.org/',
  language: 'en',
  timezone: 'UTC',
});
