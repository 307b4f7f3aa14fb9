package trailmap.web;

import com.fasterxml.jackson.databind.JsonNode;
import trailmap.analytics.live.LiveFigures;

/**
 * What a map page shows of the map measured on the data.
 *
 * @param friction the friction analysis's answer for the map
 */
record LiveView(LiveFigures figures, JsonNode friction) {}
