// Sends every call type through @rudderstack/rudder-sdk-node (gzip on, its default), in batches
// of 3, and prints the messageIds it reported as delivered.
// Usage: node rudder-send.mjs URL WRITE_KEY RUN_ID
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const Analytics = require('@rudderstack/rudder-sdk-node');

const [url, writeKey, run] = process.argv.slice(2);
const client = new Analytics(writeKey, { dataPlaneUrl: url, flushAt: 3, flushInterval: 500, retryCount: 3, logLevel: 'error' });
const delivered = [];
const failed = [];
const id = (n) => `${run}-rudder-${n}`;
const done = (messageId) => (err) => (err ? failed.push(`${messageId}: ${err}`) : delivered.push(messageId));

client.track({ messageId: id(1), anonymousId: `${run}-anon`, event: 'Pricing Viewed', properties: { plan: 'pro' } }, done(id(1)));
client.identify({ messageId: id(2), anonymousId: `${run}-anon`, userId: `${run}-user`, traits: { email: `${run}@example.com` } }, done(id(2)));
client.page({ messageId: id(3), userId: `${run}-user`, name: 'Checkout', properties: { path: '/checkout' } }, done(id(3)));
client.screen({ messageId: id(4), userId: `${run}-user`, name: 'Cart' }, done(id(4)));
client.group({ messageId: id(5), userId: `${run}-user`, groupId: 'acme', traits: { plan: 'enterprise' } }, done(id(5)));
client.alias({ messageId: id(6), userId: `${run}-user`, previousId: `${run}-old` }, done(id(6)));
client.track({ messageId: id(7), userId: `${run}-user`, event: 'Order Completed', properties: { total: 42.5 } }, done(id(7)));

await client.flush();
// flush() sends one batch of flushAt; wait for the rest (and any retry) to be answered.
const deadline = Date.now() + 60000;
while (delivered.length + failed.length < 7 && Date.now() < deadline) {
  await new Promise((resolve) => setTimeout(resolve, 100));
  if (client.queue.length > 0) await client.flush();
}
console.log(JSON.stringify({ delivered, failed }));
process.exit(0);
