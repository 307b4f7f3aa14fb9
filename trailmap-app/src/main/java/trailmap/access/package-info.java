/**
 * Who may do what: API keys (stored only as SHA-256 hashes), their roles (viewer ⊂ editor ⊂ admin)
 * and the web UI's server-side sessions. May depend on {@code trailmap.store}; knows nothing about
 * HTTP.
 */
package trailmap.access;
