/**
 * Reading and writing map files (YAML and JSON). The reader reports every problem with its line and
 * column; the writer produces files the reader accepts unchanged.
 */
package trailmap.maps.format;
