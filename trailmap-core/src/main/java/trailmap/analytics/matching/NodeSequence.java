package trailmap.analytics.matching;

import java.util.Arrays;

/**
 * A sequence of node numbers as a map key: equal when the numbers are equal. Holds a copy of the
 * array it is given; immutable.
 */
public final class NodeSequence {
  private final int[] nodes;
  private final int hash;

  private NodeSequence(int[] nodes) {
    this.nodes = nodes;
    this.hash = Arrays.hashCode(nodes);
  }

  /** The sequence of {@code nodes[from, to)}. */
  public static NodeSequence of(int[] nodes, int from, int to) {
    return new NodeSequence(Arrays.copyOfRange(nodes, from, to));
  }

  public int size() {
    return nodes.length;
  }

  public int node(int index) {
    return nodes[index];
  }

  /** The nodes by name, in order. */
  public java.util.List<String> names(Labelling labelling) {
    return Arrays.stream(nodes).mapToObj(labelling::name).toList();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NodeSequence that && Arrays.equals(nodes, that.nodes);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return Arrays.toString(nodes);
  }
}
