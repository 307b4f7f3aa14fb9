package trailmap.segments.store;

/** A segment as stored: its summary and the document as it was given. */
public record StoredSegment(SegmentSummary summary, String document) {}
