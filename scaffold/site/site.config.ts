import { defineConfig } from 'blogsmith/config';

// The keys most sites set; every other one is in blogsmith's README, "Site configuration".
export default defineConfig({
  title: __TITLE_JSON__,
  description: '',
  // The address the site is served from: canonical links, feeds and the sitemap are built on it.
  // The GitHub Pages workflow passes its own with --base-url; set it here for any other host.
  // url: 'https://example.org/',
  language: 'en',
  timezone: 'UTC',
});
