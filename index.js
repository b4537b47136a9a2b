// Zapier's CommonJS runtime loads the app from the package root's index.js. The app itself is
// index.ts, bundled into one file, dist/app.js, by `npm run build` (see scripts/bundle.ts).
module.exports = require('./dist/app.js').default;
