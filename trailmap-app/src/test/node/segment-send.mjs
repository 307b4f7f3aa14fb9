// Sends every Segment call type through @segment/analytics-node, in batches of 3, and prints the
// messageIds the library reported as delivered. Usage: node segment-send.mjs URL WRITE_KEY RUN_ID
import { Analytics } from '@segment/analytics-node';

const [url, writeKey, run] = process.argv.slice(2);
const analytics = new Analytics({ writeKey, host: url, flushAt: 3, flushInterval: 500, maxRetries: 5 });
const delivered = [];
const failed = [];
const id = (n) => `${run}-seg-${n}`;
const done = (messageId) => (err) => (err ? failed.push(`${messageId}: ${err}`) : delivered.push(messageId));

analytics.track({ messageId: id(1), anonymousId: `${run}-anon`, event: 'Pricing Viewed', properties: { plan: 'pro' } }, done(id(1)));
analytics.identify({ messageId: id(2), anonymousId: `${run}-anon`, userId: `${run}-user`, traits: { email: `${run}@example.com` } }, done(id(2)));
analytics.page({ messageId: id(3), userId: `${run}-user`, name: 'Checkout', properties: { path: '/checkout' } }, done(id(3)));
analytics.screen({ messageId: id(4), userId: `${run}-user`, name: 'Cart' }, done(id(4)));
analytics.group({ messageId: id(5), userId: `${run}-user`, groupId: 'acme', traits: { plan: 'enterprise' } }, done(id(5)));
analytics.alias({ messageId: id(6), userId: `${run}-user`, previousId: `${run}-old` }, done(id(6)));
analytics.track({ messageId: id(7), userId: `${run}-user`, event: 'Order Completed', properties: { total: 42.5 } }, done(id(7)));

await analytics.closeAndFlush({ timeout: 60000 });
console.log(JSON.stringify({ delivered, failed }));
