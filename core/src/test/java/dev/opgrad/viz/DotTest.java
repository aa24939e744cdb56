package dev.opgrad.viz;

import static dev.opgrad.testing.TestOps.plus;
import static dev.opgrad.testing.TestOps.times;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opgrad.Value;
import org.junit.jupiter.api.Test;

class DotTest {

  @Test
  void drawsTheGraphAsMicrogradsDrawDot() {
    Value a = Value.of(2, "a");
    Value b = Value.of(-3, "b");
    Value c = Value.of(10, "c");
    Value e = times(a, b).setLabel("e");
    Value d = plus(e, c).setLabel("d");
    d.backward();

    assertThat(Dot.toDot(d))
        .isEqualTo(
            """
            digraph opgrad {
              rankdir=LR;
              v0 [shape=record, label="{ a | data 2.0000 | grad -3.0000 }"];
              v1 [shape=record, label="{ b | data -3.0000 | grad 2.0000 }"];
              v2 [shape=record, label="{ e | data -6.0000 | grad 1.0000 }"];
              v2_op [label="times"];
              v2_op -> v2;
              v0 -> v2_op;
              v1 -> v2_op;
              v3 [shape=record, label="{ c | data 10.0000 | grad 1.0000 }"];
              v4 [shape=record, label="{ d | data 4.0000 | grad 1.0000 }"];
              v4_op [label="plus"];
              v4_op -> v4;
              v2 -> v4_op;
              v3 -> v4_op;
            }
            """);
  }

  @Test
  void drawsAnInputUsedTwiceWithTwoEdgesAndAnUnlabelledValueWithAnEmptyLabel() {
    Value a = Value.of(3);

    assertThat(Dot.toDot(plus(a, a)))
        .isEqualTo(
            """
            digraph opgrad {
              rankdir=LR;
              v0 [shape=record, label="{  | data 3.0000 | grad 0.0000 }"];
              v1 [shape=record, label="{  | data 6.0000 | grad 0.0000 }"];
              v1_op [label="plus"];
              v1_op -> v1;
              v0 -> v1_op;
              v0 -> v1_op;
            }
            """);
  }

  @Test
  void escapesLabelsThatHoldRecordSyntax() {
    Value x = Value.of(1, "x|{y}<z> \"q\" \\");

    assertThat(Dot.toDot(x))
        .contains("label=\"{ x\\|\\{y\\}\\<z\\> \\\"q\\\" \\\\ | data 1.0000 | grad 0.0000 }\"");
  }

  @Test
  void isTheSameForTheSameGraphBuiltTwice() {
    assertThat(Dot.toDot(lectureExpression())).isEqualTo(Dot.toDot(lectureExpression()));
  }

  private static Value lectureExpression() {
    Value a = Value.of(2, "a");
    Value e = times(a, Value.of(-3, "b")).setLabel("e");
    Value d = plus(e, Value.of(10, "c")).setLabel("d");
    Value l = times(d, Value.of(-2, "f")).setLabel("L");
    l.backward();
    return l;
  }
}
