/**
 * Sources of events (a website, an app, a server, an import) and their write keys. A write key only
 * lets its holder send events to {@code /v1}; it is not an API key. Only SHA-256 hashes of write
 * keys are stored. Depends on the store.
 */
package trailmap.sources;
