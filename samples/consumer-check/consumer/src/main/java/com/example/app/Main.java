package com.example.app;

import dev.opgrad.Value;
import dev.opgrad.nn.Activation;
import dev.opgrad.nn.Losses;
import dev.opgrad.nn.MLP;
import dev.opgrad.nn.Sgd;
import dev.opgrad.registry.OpRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * An application that uses opgrad as a dependency: micrograd's expression and its gradients, an op
 * of opgrad-ops-extra reached by name, and a small MLP trained on micrograd's four examples. It
 * prints one "name value" line per number, each double in full ({@link Double#toString}), for
 * samples/consumer-check's ConsumerCheckTest to compare with the same computation.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    // micrograd's test_more_ops.
    Value a = Value.of(-4.0, "a");
    Value b = Value.of(2.0, "b");
    Value c = a.add(b);
    Value d = a.mul(b).add(b.pow(3));
    c = c.add(c.add(1));
    c = c.add(Value.of(1).add(c).add(a.neg()));
    d = d.add(d.mul(2).add(b.add(a).relu()));
    d = d.add(d.mul(3).add(b.sub(a).relu()));
    Value e = c.sub(d);
    Value f = e.pow(2);
    Value g = f.div(2.0);
    g = g.add(Value.of(10.0).div(f));
    g.backward();
    print("g", g.data());
    print("a.grad", a.grad());
    print("b.grad", b.grad());

    // opgrad-ops-extra, on the runtime class path only: its ops are found by name.
    Value x = Value.of(0.5);
    Value s = x.apply("sigmoid");
    s.backward();
    print("sigmoid", s.data());
    print("sigmoid.grad", x.grad());
    System.out.println("ops " + String.join(",", OpRegistry.defaultRegistry().names()));

    // A small MLP trained by gradient descent on micrograd's four examples.
    double[][] xs = {{2, 3, -1}, {3, -1, 0.5}, {0.5, 1, 1}, {1, 1, -1}};
    double[] ys = {1, -1, -1, 1};
    MLP model = new MLP(3, List.of(4, 4, 1), Activation.TANH, new Random(1));
    Sgd sgd = new Sgd(model.parameters(), 0.1);
    for (int step = 0; step < 20; step++) {
      List<Value> predictions = new ArrayList<>();
      for (double[] example : xs) {
        predictions.add(model.scalar(example));
      }
      Value loss = Losses.meanSquaredError(predictions, ys);
      sgd.zeroGrad();
      loss.backward();
      sgd.step();
      print("loss." + step, loss.data());
    }
    for (int i = 0; i < xs.length; i++) {
      print("prediction." + i, model.scalar(xs[i]).data());
    }
  }

  private static void print(String name, double value) {
    System.out.println(name + " " + value);
  }
}
