// The worker entry when the app runs from TypeScript sources (ts-node, Jest, benches); see
// src/feeds/feed-preparation.worker.dev.js for why. Built code loads article-scoring.worker.js.
require('ts-node/register/transpile-only');
module.exports = require('./article-scoring.worker.ts').default;
