package trailmap.server;

import java.util.Optional;
import trailmap.access.Role;

/**
 * A registered HTTP route, as the running server reports it.
 *
 * @param method e.g. {@code GET}
 * @param path the pattern, e.g. {@code /api/maps/{id}}
 * @param requires the weakest role allowed; empty for a public route
 */
public record RouteInfo(String method, String path, Optional<Role> requires) {}
