// Zapier's CommonJS runtime loads the app from the package root's index.js. The app itself is
// index.ts, compiled to dist/ by `npm run build`.
module.exports = require('./dist/index.js').default;
