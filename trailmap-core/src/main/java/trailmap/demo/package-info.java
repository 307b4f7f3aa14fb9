/**
 * Demo data that tells a story: a seeded, deterministic generator of customer journeys for the
 * three map templates (saas, retail, bank), with planted frictions that analytics should find.
 *
 * <p>{@link trailmap.demo.DemoJourneys} is the API; the journeys themselves are package-private.
 * Pure: randomness comes from the caller's seed and time from the caller's end instant, so the same
 * seed gives the same events. Depends on the JDK and {@code trailmap.events} only; writing the
 * events to a file or the event log lives in the app ({@code trailmap.generate}).
 */
package trailmap.demo;
