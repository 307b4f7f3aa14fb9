/**
 * Journey maps as values: personas, stages, touchpoints and their lanes (actions, thoughts,
 * emotions, pain points, opportunities, KPIs, backstage), plus the pure operations on them (diff,
 * KPI gap). Depends on the JDK only; parsing and rendering live in {@code trailmap-app}.
 */
package trailmap.maps;
