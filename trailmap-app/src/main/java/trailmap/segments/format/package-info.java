/**
 * Segment documents in YAML or JSON, read with the map format's positioned parser so every problem
 * has its line and column. Depends on {@code trailmap.maps.format} and the core segment model.
 */
package trailmap.segments.format;
