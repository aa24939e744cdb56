package dev.opgrad.graph;

import static dev.opgrad.testing.TestOps.plus;
import static dev.opgrad.testing.TestOps.times;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opgrad.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraversalTest {

  @Test
  void listsEveryValueOnceAfterItsInputsInInputOrder() {
    Value a = Value.of(1, "a");
    Value b = Value.of(2, "b");
    Value ab = times(a, b).labeled("ab");
    Value root = plus(ab, plus(ab, a).labeled("ab+a")).labeled("root");

    List<Value> order = Traversal.postOrder(root);

    assertThat(order).extracting(Value::label).containsExactly("a", "b", "ab", "ab+a", "root");
  }

  @Test
  void walksAMillionDeepChainOnTheDefaultStack() {
    Value x = Value.of(0);
    Value chain = x;
    for (int i = 0; i < 1_000_000; i++) {
      chain = plus(chain, x);
    }

    List<Value> order = Traversal.postOrder(chain);

    assertThat(order).hasSize(1_000_001);
    assertThat(order.get(0)).isSameAs(x);
    assertThat(order.get(1_000_000)).isSameAs(chain);
  }
}
