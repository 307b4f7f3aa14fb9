/**
 * The HTTP server: Javalin wiring on virtual threads, the {@code /api} routes, authorization by API
 * key and role, errors as {@code application/problem+json} (RFC 9457), request limits, health,
 * Prometheus metrics and the access log. Tests and the CLI start it through {@link
 * trailmap.server.TrailmapServer}. May depend on every other app package.
 */
package trailmap.server;
