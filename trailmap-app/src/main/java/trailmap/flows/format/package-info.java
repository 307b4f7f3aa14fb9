/**
 * Reading and writing flow files (YAML and JSON), on the map format's machinery ({@code
 * trailmap.maps.format}: the positioned tree, {@code Fields}, {@code Suggestions}, {@code
 * ConditionReader}): every problem is reported as {@code FILE:LINE:COL: message}; the writer
 * produces files the reader reads back to an equal flow.
 */
package trailmap.flows.format;
