package trailmap.flows;

import java.util.List;

/**
 * One step of a flow. A step names the steps it may lead to; a flow ends where a step leads nowhere
 * ({@code next} empty).
 */
public sealed interface Step permits Wait, Split, Action, Goal {

  /** Unique within the flow. */
  String id();

  /** The ids of the steps this one may continue with, in branch order, without duplicates. */
  List<String> targets();
}
