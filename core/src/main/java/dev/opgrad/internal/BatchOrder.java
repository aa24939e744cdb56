package dev.opgrad.internal;

import dev.opgrad.spi.Op;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;

/**
 * A new topological order for a flat graph in which nodes of one op form long runs, so that a
 * {@link dev.opgrad.spi.BatchOp} computes each run in one call: micrograd's moons graph, ordered
 * neuron by neuron, becomes a run per layer of its 100 points.
 *
 * <p>The backward pass must stay bit-identical, and a gradient is a sum whose rounding depends on
 * the order of its terms: the order in which the node's consumers are processed. So besides putting
 * every node after its inputs, the new order keeps the consumers of each node in their original
 * relative order: it is a topological order of the graph with an extra edge from each consumer of a
 * node to the next. The leaves come first, as one run; the rest is built greedily (Kahn's algorithm
 * with a queue per op): take the op of the
 * ready node that comes first in the original order, then emit ready nodes of that op, in the order
 * they became ready, until there are none or the next takes an input from the run: no node of a run
 * is an input of another, so that an op may compute a run's nodes in any order.
 */
final class BatchOrder {

  /** The new order: {@code order[position]} is the node at {@code position}. */
  final int[] order;

  /**
   * Where each run starts: run {@code r} is the nodes at positions {@code runStart[r] ..
   * runStart[r + 1] - 1}; the last element is the number of nodes.
   */
  final int[] runStart;

  private BatchOrder(int[] order, int[] runStart) {
    this.order = order;
    this.runStart = runStart;
  }

  /**
   * Orders the nodes of a flat graph in topological order: node {@code n}'s op ({@code null} for a
   * leaf) and its inputs {@code inputIndex[inputStart[n] .. inputStart[n + 1])}.
   */
  static BatchOrder of(Op[] ops, int[] inputStart, int[] inputIndex) {
    int size = ops.length;
    int edges = inputIndex.length;
    // Leaves come first, as one run; only the edges between other nodes are counted and released.
    int[] pending = new int[size]; // edges into a node, of both kinds, not yet released
    int[] consumerStart = new int[size + 1]; // data edges, grouped by input
    for (int e = 0; e < edges; e++) {
      if (ops[inputIndex[e]] != null) {
        consumerStart[inputIndex[e] + 1]++;
      }
    }
    for (int n = 0; n < size; n++) {
      consumerStart[n + 1] += consumerStart[n];
    }
    int[] consumers = new int[consumerStart[size]];
    int[] filled = Arrays.copyOf(consumerStart, size);
    // Order edges: nextConsumer[e] is the next node, after edge e's, that takes e's input, or -1.
    int[] nextConsumer = new int[edges];
    Arrays.fill(nextConsumer, -1);
    int[] lastConsumer = new int[size];
    int[] lastEdge = new int[size];
    Arrays.fill(lastEdge, -1);
    for (int n = 0; n < size; n++) {
      for (int e = inputStart[n]; e < inputStart[n + 1]; e++) {
        int input = inputIndex[e];
        if (ops[input] != null) {
          consumers[filled[input]++] = n;
          pending[n]++;
        }
        if (lastEdge[input] < 0 || lastConsumer[input] != n) {
          if (lastEdge[input] >= 0) {
            nextConsumer[lastEdge[input]] = n;
            pending[n]++;
          }
          lastConsumer[input] = n;
          lastEdge[input] = e;
        }
      }
    }

    int[] order = new int[size];
    int[] runStart = new int[size + 1];
    int emitted = 0;
    int runs = 0;
    ReadyQueues ready = new ReadyQueues(ops);
    for (int n = 0; n < size; n++) {
      if (ops[n] == null) {
        order[emitted++] = n;
      } else if (pending[n] == 0) {
        ready.add(n);
      }
    }
    if (emitted > 0) {
      runStart[runs++] = 0;
    }
    int[] inputRun = new int[size]; // the last run that released a data edge into a node
    while (emitted < size) {
      runStart[runs++] = emitted;
      int run = runs;
      int queue = ready.earliestQueue();
      for (int n = ready.peek(queue); n >= 0 && inputRun[n] != run; n = ready.peek(queue)) {
        ready.remove(queue);
        order[emitted++] = n;
        for (int c = consumerStart[n]; c < consumerStart[n + 1]; c++) {
          int consumer = consumers[c];
          inputRun[consumer] = run;
          if (--pending[consumer] == 0) {
            ready.add(consumer);
          }
        }
        for (int e = inputStart[n]; e < inputStart[n + 1]; e++) {
          int next = nextConsumer[e];
          if (next >= 0 && --pending[next] == 0) {
            ready.add(next);
          }
        }
      }
    }
    runStart[runs] = size;
    return new BatchOrder(order, Arrays.copyOf(runStart, runs + 1));
  }

  /** A first-in, first-out queue of ready nodes per op. */
  private static final class ReadyQueues {

    private final int[] queueOf; // node -> its op's queue
    private final int[][] nodes;
    private final int[] head;
    private final int[] tail;

    ReadyQueues(Op[] ops) {
      List<Op> queues = new ArrayList<>(); // the distinct ops, few: a list beats a hash map
      queueOf = new int[ops.length];
      for (int n = 0; n < ops.length; n++) {
        int q = n > 0 && ops[n] == ops[n - 1] ? queueOf[n - 1] : indexOf(queues, ops[n]);
        if (q < 0) {
          q = queues.size();
          queues.add(ops[n]);
        }
        queueOf[n] = q;
      }
      int[] capacity = new int[queues.size()];
      for (int queue : queueOf) {
        capacity[queue]++;
      }
      nodes = new int[capacity.length][];
      for (int q = 0; q < capacity.length; q++) {
        nodes[q] = new int[capacity[q]];
      }
      head = new int[capacity.length];
      tail = new int[capacity.length];
    }

    private static int indexOf(List<Op> queues, Op op) {
      for (int q = 0; q < queues.size(); q++) {
        if (queues.get(q) == op) {
          return q;
        }
      }
      return -1;
    }

    void add(int node) {
      int q = queueOf[node];
      nodes[q][tail[q]++] = node;
    }

    /** The next node of queue {@code q}, or -1 if it is empty. */
    int peek(int q) {
      return head[q] < tail[q] ? nodes[q][head[q]] : -1;
    }

    /** Removes the next node of queue {@code q}. */
    void remove(int q) {
      head[q]++;
    }

    /** The queue whose next node comes first in the original order. */
    int earliestQueue() {
      int best = -1;
      for (int q = 0; q < nodes.length; q++) {
        if (head[q] < tail[q] && (best < 0 || nodes[q][head[q]] < nodes[best][head[best]])) {
          best = q;
        }
      }
      return best;
    }
  }
}
