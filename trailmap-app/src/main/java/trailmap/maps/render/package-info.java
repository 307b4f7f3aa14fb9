/**
 * Draws a journey map as the classic grid (stages across, lanes down, emotion curve) in SVG, and
 * derives HTML, PNG, PDF and Mermaid from that one drawing.
 */
package trailmap.maps.render;
