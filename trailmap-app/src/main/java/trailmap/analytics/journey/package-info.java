/**
 * The JSON edge of the journey analyses — paths, discover, conformance, surveys, friction, compare
 * and hypotheses: each reads one query document (the same for HTTP and CLI), runs the core engine
 * over an {@link trailmap.analytics.EventTable} and writes the answer, including a {@code counted}
 * object that says what was counted and how. Bad queries end in a {@link
 * trailmap.server.ProblemException} (400, {@code urn:trailmap:problem:invalid-query}) whose detail
 * starts with the field. Depends on the core, Jackson and the server's problem types; routes and
 * commands live elsewhere.
 */
package trailmap.analytics.journey;
