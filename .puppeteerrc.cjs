// We never let puppeteer download its own browser: diagrams and tests use the
// system Chromium (see scripts/lib/find-chromium.ts and `npm run setup`).
module.exports = { skipDownload: true };
