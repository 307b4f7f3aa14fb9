package trailmap.server;

import io.javalin.security.RouteRole;
import trailmap.access.Role;

/**
 * The role a route requires, attached to each protected route when it is registered. A route
 * without one is public (health, metrics, the sign-in page); an {@code /api} route without one is
 * refused to everybody but admins, so forgetting to mark a route fails closed.
 */
public enum Requires implements RouteRole {
  VIEWER(Role.VIEWER),
  EDITOR(Role.EDITOR),
  ADMIN(Role.ADMIN);

  private final Role role;

  Requires(Role role) {
    this.role = role;
  }

  public Role role() {
    return role;
  }
}
