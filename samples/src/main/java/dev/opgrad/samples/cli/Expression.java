package dev.opgrad.samples.cli;

import dev.opgrad.Value;
import dev.opgrad.spi.Op;
import java.util.List;
import java.util.Map;

/** A parsed expression: numbers, variables and op applications, turned into a graph on demand. */
sealed interface Expression {

  /** Builds this expression's graph over the given variables' leaves. */
  Value build(Map<String, Value> variables);

  /** A number literal. */
  record Number(double value) implements Expression {
    @Override
    public Value build(Map<String, Value> variables) {
      return Value.of(value);
    }
  }

  /** A variable, whose value is given on the command line. */
  record Variable(String name) implements Expression {
    @Override
    public Value build(Map<String, Value> variables) {
      return variables.get(name);
    }
  }

  /** An op applied to inputs, with constants already evaluated. */
  record Application(Op op, List<Expression> inputs, double[] constants) implements Expression {
    @Override
    public Value build(Map<String, Value> variables) {
      Value first = inputs.get(0).build(variables);
      Value[] others = new Value[inputs.size() - 1];
      for (int i = 0; i < others.length; i++) {
        others[i] = inputs.get(i + 1).build(variables);
      }
      return first.apply(op, constants, others);
    }
  }
}
