/**
 * Draws a journey map as the classic grid (stages across, lanes down, one emotion curve per
 * persona) in SVG, and derives HTML, PNG and PDF from that one drawing; Mermaid is written from the
 * map directly.
 *
 * <p>{@link trailmap.maps.render.MapRenderer} is the only entry point. Inside, {@code GridLayout}
 * places everything using its own character-width table ({@code TextMetrics}), never AWT fonts, so
 * the layout is identical on every machine; {@code MapSvg} and its helpers draw the laid-out {@code
 * Grid}; {@code PngImage} (Apache Batik + ImageIO) and {@code PdfDocument} (Apache FOP) turn the
 * SVG into pictures. Depends on trailmap-core's map records, Batik and FOP only; reads no clock and
 * no files.
 */
package trailmap.maps.render;
