// @ts-check
// A small Docusaurus site for linkcheck's real-generator tests. onBrokenLinks/onBrokenAnchors are 'warn'
// so that a build lists exactly the links Docusaurus itself finds broken.

/** @type {import('@docusaurus/types').Config} */
const config = {
  title: 'Widgets',
  url: 'https://example.github.io',
  baseUrl: '/widgets/',
  onBrokenLinks: 'warn',
  onBrokenAnchors: 'warn',
  markdown: {
    hooks: {
      onBrokenMarkdownLinks: 'warn',
    },
  },
  presets: [
    [
      'classic',
      /** @type {import('@docusaurus/preset-classic').Options} */
      ({
        docs: {
          routeBasePath: 'guide',
          path: 'docs',
        },
        blog: {
          path: 'blog',
          onUntruncatedBlogPosts: 'ignore',
        },
        theme: {},
      }),
    ],
  ],
};

module.exports = config;
