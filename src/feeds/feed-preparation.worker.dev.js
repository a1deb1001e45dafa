// The worker entry when the app runs from TypeScript sources (ts-node, Jest, benches): piscina
// loads a worker with import(), which knows nothing of ts-node's require hook, so this plain
// CommonJS file registers it and hands over the compiled handler. Built code (dist/) loads
// feed-preparation.worker.js directly and never reads this file.
require('ts-node/register/transpile-only');
module.exports = require('./feed-preparation.worker.ts').default;
