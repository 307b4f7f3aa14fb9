/**
 * The web UI: server-rendered HTML pages (sign-in, map list, map page) with every value escaped, a
 * stylesheet served by us and no external URLs. Pages are registered by the server, which checks
 * the session before they run. May depend on the store, access, map and analytics packages; not on
 * the server.
 */
package trailmap.web;
