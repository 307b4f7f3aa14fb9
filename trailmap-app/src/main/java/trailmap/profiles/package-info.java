/**
 * Profiles in the app: the store in {@code DATA_DIR/profiles.db} ({@link ProfileStore}), the
 * processor that follows the event log into it ({@link ProfileProcessor}), and the {@code
 * /api/profiles} routes ({@link ProfileRoutes}), whose deletion erases the person from the event
 * log too ({@code ProfileDeletion}); a deletion the other stores did not finish stays recorded
 * until a retry or the next start finishes it ({@link PendingErasures}). The rules themselves are
 * pure and live in the core's {@code trailmap.profiles}; this package only reads, applies and
 * serves their decisions.
 */
package trailmap.profiles;
