/**
 * The {@code trailmap} command line (picocli): each command is a {@code Callable<Integer>} with
 * documented exit codes; a user error prints one line, never a stack trace. May use every other
 * package of the app.
 */
package trailmap.cli;
