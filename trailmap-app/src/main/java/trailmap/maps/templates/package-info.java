/** The map templates that ship with Trailmap (SaaS, retail, bank), in current and future state. */
package trailmap.maps.templates;
