package dev.opgrad.reliability;

import dev.opgrad.Value;
import dev.opgrad.registry.OpRegistry;
import dev.opgrad.spi.Op;
import dev.opgrad.spi.Point;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import org.hipparchus.analysis.differentiation.DSFactory;
import org.hipparchus.analysis.differentiation.DerivativeStructure;

/**
 * An expression DAG over registered ops, kept as a plain list so that it can be evaluated in three
 * ways: as opgrad {@link Value}s (reverse mode), with doubles (for finite differences) and with
 * Hipparchus {@link DerivativeStructure}s (forward mode). Nodes come in topological order; the
 * last is the root.
 *
 * <h2>How the graph stays inside every op's domain</h2>
 *
 * Each op node is placed at one of its op's {@link Op#gradCheckPoints() declared points} (inputs
 * moved by at most 2% of their value, constants as declared), where the op is differentiable. An
 * input is either a new leaf holding exactly the point's value, or a <em>shared</em> earlier node
 * {@code v} shifted onto it: {@code add(v, c)} with the leaf {@code c = target - v.data}. The shift
 * keeps the input's value at the point, whatever {@code v} computes, while the gradient flows
 * through {@code v} unchanged, so shared subexpressions appear freely and no intermediate value
 * ever leaves a domain. Nodes that nothing consumes are summed with {@code add} into the root, so
 * every node counts.
 */
final class RandomGraph {

  /**
   * A leaf ({@code op == null}) holding {@code leafValue}, or {@code op} applied to earlier nodes.
   */
  private record Node(Op op, double[] constants, int[] inputs, double leafValue) {}

  private final List<Node> nodes;
  private final int[] leafNodes;

  private RandomGraph(List<Node> nodes) {
    this.nodes = nodes;
    this.leafNodes =
        IntStream.range(0, nodes.size()).filter(n -> nodes.get(n).op() == null).toArray();
  }

  /** The ops of {@code registry} that declare points to be placed at, in alphabetical order. */
  static List<Op> fuzzableOps(OpRegistry registry) {
    return registry.ops().values().stream().filter(op -> !op.gradCheckPoints().isEmpty()).toList();
  }

  /**
   * Builds the graph that {@code choices} describe over {@code ops}, summing sinks with {@code
   * add}.
   */
  static RandomGraph of(List<NodeChoice> choices, List<Op> ops, Op add) {
    List<Node> nodes = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    List<Integer> opNodes = new ArrayList<>();
    for (NodeChoice choice : choices) {
      Op op = ops.get(choice.op() % ops.size());
      List<Point> points = op.gradCheckPoints();
      Point point = points.get(choice.point() % points.size());
      int[] inputs = new int[point.inputCount()]; // a variadic op's count varies by point
      for (int i = 0; i < inputs.length; i++) {
        double target = point.inputs()[i] * (1 + choice.jitter() / 5000.0);
        int source = choice.sources().get(i % choice.sources().size());
        if (source < NodeChoice.FRESH || opNodes.isEmpty()) {
          inputs[i] = leaf(nodes, values, target);
        } else {
          int shared = opNodes.get((source - NodeChoice.FRESH) % opNodes.size());
          int shift = leaf(nodes, values, target - values.get(shared));
          inputs[i] = apply(nodes, values, add, new double[0], shared, shift);
        }
      }
      opNodes.add(apply(nodes, values, op, point.constants(), inputs));
    }
    boolean[] consumed = new boolean[nodes.size()];
    for (Node node : nodes) {
      for (int input : node.inputs()) {
        consumed[input] = true;
      }
    }
    int root = -1;
    for (int n : opNodes) {
      if (!consumed[n]) {
        root = root < 0 ? n : apply(nodes, values, add, new double[0], root, n);
      }
    }
    return new RandomGraph(nodes);
  }

  private static int leaf(List<Node> nodes, List<Double> values, double value) {
    nodes.add(new Node(null, new double[0], new int[0], value));
    values.add(value);
    return nodes.size() - 1;
  }

  private static int apply(
      List<Node> nodes, List<Double> values, Op op, double[] constants, int... inputs) {
    double[] data = new double[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      data[i] = values.get(inputs[i]);
    }
    nodes.add(new Node(op, constants, inputs, 0));
    values.add(op.forward(data, constants));
    return nodes.size() - 1;
  }

  /**
   * Graphs drawn from lists of {@link NodeChoice}s, 1 to 16 op nodes over {@code ops}, summing
   * sinks with {@code add}.
   */
  static Arbitrary<RandomGraph> arbitrary(List<Op> ops, Op add) {
    Arbitrary<NodeChoice> node =
        Combinators.combine(
                Arbitraries.integers().between(0, 999),
                Arbitraries.integers().between(0, 999),
                Arbitraries.integers().between(-100, 100),
                Arbitraries.integers().between(0, 15).list().ofSize(4))
            .as(NodeChoice::new);
    return node.list()
        .ofMinSize(1)
        .ofMaxSize(16)
        .withSizeDistribution(RandomDistribution.uniform())
        .map(choices -> of(choices, ops, add));
  }

  /** The number of leaves: the variables of the graph. */
  int leafCount() {
    return leafNodes.length;
  }

  /** The number of nodes, leaves included. */
  int size() {
    return nodes.size();
  }

  /** The values of the leaves, in order. */
  double[] leafValues() {
    return Arrays.stream(leafNodes).mapToDouble(n -> nodes.get(n).leafValue()).toArray();
  }

  /** The names of the ops the graph applies, in alphabetical order. */
  SortedSet<String> opNames() {
    SortedSet<String> names = new TreeSet<>();
    nodes.stream().filter(n -> n.op() != null).forEach(n -> names.add(n.op().name()));
    return names;
  }

  /** The root's value with the leaves set to {@code leafValues}, computed with doubles. */
  double evaluate(double[] leafValues) {
    double[] values = new double[nodes.size()];
    int leaf = 0;
    for (int n = 0; n < nodes.size(); n++) {
      Node node = nodes.get(n);
      if (node.op() == null) {
        values[n] = leafValues[leaf++];
        continue;
      }
      double[] data = new double[node.inputs().length];
      for (int i = 0; i < data.length; i++) {
        data[i] = values[node.inputs()[i]];
      }
      values[n] = node.op().forward(data, node.constants());
    }
    return values[values.length - 1];
  }

  /**
   * For each leaf, the largest |∂node/∂leaf| over all nodes, propagated forward with the ops' local
   * gradients: how far a perturbation of the leaf moves any node, so that finite differences can
   * choose a step that keeps every node close to its point.
   */
  double[] sensitivities() {
    double[] values = new double[nodes.size()];
    double[] tangents = new double[nodes.size()];
    double[] result = new double[leafNodes.length];
    double[] grads = new double[nodes.stream().mapToInt(n -> n.inputs().length).max().orElse(0)];
    for (int k = 0; k < leafNodes.length; k++) {
      int leaf = 0;
      for (int n = 0; n < nodes.size(); n++) {
        Node node = nodes.get(n);
        if (node.op() == null) {
          values[n] = node.leafValue();
          tangents[n] = leaf++ == k ? 1 : 0;
          continue;
        }
        double[] data = new double[node.inputs().length];
        for (int i = 0; i < data.length; i++) {
          data[i] = values[node.inputs()[i]];
        }
        values[n] = node.op().forward(data, node.constants());
        node.op().localGrad(data, node.constants(), values[n], grads);
        tangents[n] = 0;
        for (int i = 0; i < data.length; i++) {
          tangents[n] += grads[i] * tangents[node.inputs()[i]];
        }
        result[k] = Math.max(result[k], Math.abs(tangents[n]));
      }
    }
    return result;
  }

  /**
   * Builds the graph as opgrad values; the root is the last element, leaf {@code k} labelled xk.
   */
  Value[] toValues() {
    return toValues(leafValues());
  }

  /**
   * Builds the graph as opgrad values with the leaves set to {@code leafValues}, which may take
   * nodes off their points (nothing checks that); the root is the last element, leaf {@code k}
   * labelled xk.
   */
  Value[] toValues(double[] leafValues) {
    Value[] values = new Value[nodes.size()];
    int leaf = 0;
    for (int n = 0; n < nodes.size(); n++) {
      Node node = nodes.get(n);
      if (node.op() == null) {
        values[n] = Value.of(leafValues[leaf], "x" + leaf++);
        continue;
      }
      Value[] others = new Value[node.inputs().length - 1];
      for (int i = 0; i < others.length; i++) {
        others[i] = values[node.inputs()[i + 1]];
      }
      values[n] = values[node.inputs()[0]].apply(node.op(), node.constants(), others);
    }
    return values;
  }

  /** The values of the leaves in {@code values}, which {@link #toValues()} returned. */
  Value[] leavesOf(Value[] values) {
    return Arrays.stream(leafNodes).mapToObj(n -> values[n]).toArray(Value[]::new);
  }

  /**
   * Every node in Hipparchus forward mode to {@code order}, the leaves {@code variables} its
   * variables and the other leaves constants, or empty if an op of the graph has no counterpart in
   * {@code counterparts}. Each op node is computed from its inputs carrying the <em>values</em>
   * opgrad computed ({@code values}, which {@link #toValues()} returned) and the derivatives
   * Hipparchus propagated: Hipparchus and the ops round differently, and through the shifts that
   * place nodes at their points a difference in the last bits of a value would grow into a
   * difference of derivatives that says nothing about either.
   *
   * @param variables indices of leaves, in the order of the variables
   */
  Optional<DerivativeStructure[]> forwardMode(
      Map<String, HipparchusOps.Counterpart> counterparts,
      Value[] values,
      int order,
      int[] variables) {
    DSFactory factory = new DSFactory(variables.length, order);
    DerivativeStructure[] computed = new DerivativeStructure[nodes.size()];
    DerivativeStructure[] carried = new DerivativeStructure[nodes.size()];
    int leaf = 0;
    for (int n = 0; n < nodes.size(); n++) {
      Node node = nodes.get(n);
      if (node.op() == null) {
        int variable = indexOf(variables, leaf++);
        computed[n] =
            variable >= 0
                ? factory.variable(variable, node.leafValue())
                : factory.constant(node.leafValue());
      } else {
        HipparchusOps.Counterpart counterpart = counterparts.get(node.op().name());
        if (counterpart == null) {
          return Optional.empty();
        }
        DerivativeStructure[] inputs = new DerivativeStructure[node.inputs().length];
        for (int i = 0; i < inputs.length; i++) {
          inputs[i] = carried[node.inputs()[i]];
        }
        computed[n] = counterpart.apply(inputs, node.constants());
      }
      double[] derivatives = computed[n].getAllDerivatives();
      derivatives[0] = values[n].data();
      carried[n] = factory.build(derivatives);
    }
    return Optional.of(computed);
  }

  private static int indexOf(int[] array, int value) {
    for (int i = 0; i < array.length; i++) {
      if (array[i] == value) {
        return i;
      }
    }
    return -1;
  }

  /** The number of nodes that are inputs of more than one node: the shared subexpressions. */
  int sharedNodeCount() {
    int[] uses = new int[nodes.size()];
    nodes.forEach(node -> Arrays.stream(node.inputs()).forEach(input -> uses[input]++));
    return (int) Arrays.stream(uses).filter(u -> u > 1).count();
  }

  /** The nodes in order, as in {@code x0 = 0.4; n1 = tanh(x0); n3 = pow[2.0](n1); root = n3}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    String[] names = new String[nodes.size()];
    int leaf = 0;
    for (int n = 0; n < nodes.size(); n++) {
      Node node = nodes.get(n);
      if (node.op() == null) {
        names[n] = "x" + leaf++;
        text.append(names[n]).append(" = ").append(node.leafValue()).append("; ");
        continue;
      }
      names[n] = "n" + n;
      text.append(names[n]).append(" = ").append(node.op().name());
      if (node.constants().length > 0) {
        text.append(Arrays.toString(node.constants()));
      }
      text.append('(');
      for (int i = 0; i < node.inputs().length; i++) {
        text.append(i == 0 ? "" : ", ").append(names[node.inputs()[i]]);
      }
      text.append("); ");
    }
    return text.append("root = ").append(names[names.length - 1]).toString();
  }
}
