/**
 * JSON for events: {@link JsonValues} converts between Jackson trees and the core's {@code
 * JsonValue}; {@link EventJson} is the one stored and exported form of an {@code Event}.
 */
package trailmap.events.json;
