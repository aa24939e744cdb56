package dev.opgrad.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.opgrad.BatchGradients;
import dev.opgrad.CompiledGraph;
import dev.opgrad.Value;
import dev.opgrad.nn.Adam;
import dev.opgrad.nn.MLP;
import dev.opgrad.nn.Optimizer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompiledMoonsTest {

  @Test
  void theModelHasMicrogradsParameterCountAndFirstLoss() {
    double[] initial = MoonsData.initialParameters();
    assertThat(initial).hasSize(Moons.newModel(initial).parameters().size()).hasSize(337);
    assertThat(MoonsData.load().size()).isEqualTo(100);
    assertThat(Moons.loss(Moons.newModel(initial)).total().data())
        .isCloseTo(0.8958441028683222, offset(1e-9));
  }

  @Test
  void compiledStepsGiveTheEagerLossesAndGradientsBitForBit() {
    double[] initial = MoonsData.initialParameters();
    MLP eagerModel = Moons.newModel(initial);
    List<Value> eager = eagerModel.parameters();
    MLP captured = Moons.newModel(initial);
    CompiledGraph compiled =
        CompiledGraph.capture(Moons.loss(captured).total(), captured.parameters());
    for (int k = 0; k < 5; k++) {
      Value loss = Moons.loss(eagerModel).total();
      eagerModel.zeroGrad();
      loss.backward();

      assertThat(compiled.forward()).isEqualTo(loss.data());
      compiled.zeroGrad();
      compiled.backward();
      for (int i = 0; i < eager.size(); i++) {
        assertThat(compiled.grad(i))
            .as("grad of parameter %d at step %d", i, k)
            .isEqualTo(eager.get(i).grad());
      }
      double learningRate = Moons.learningRate(k);
      eager.forEach(p -> p.setData(p.data() - learningRate * p.grad()));
      compiled.step(learningRate);
    }
  }

  /** Trains moons for 20 steps with AdamW, eagerly or replayed, and returns every step's loss. */
  private static double[] trainWithAdamW(boolean replay) {
    MLP model = Moons.newModel(MoonsData.initialParameters());
    Optimizer adamW =
        Adam.builder(model.parameters()).learningRate(1e-2).decoupledWeightDecay(1e-2).build();
    CompiledGraph compiled =
        replay ? CompiledGraph.capture(Moons.loss(model).total(), model.parameters()) : null;
    double[] losses = new double[20];
    for (int k = 0; k < losses.length; k++) {
      adamW.zeroGrad();
      if (replay) {
        losses[k] = compiled.forward();
        compiled.backward();
      } else {
        Value loss = Moons.loss(model).total();
        losses[k] = loss.data();
        loss.backward();
      }
      adamW.step();
    }
    return losses;
  }

  @Test
  void anyOptimizerDrivesAReplayAsItDrivesTheEagerGraphBitForBit() {
    double[] eager = trainWithAdamW(false);
    double[] replayed = trainWithAdamW(true);

    assertThat(replayed).containsExactly(eager);
    assertThat(eager[0]).isCloseTo(0.8958441028683222, offset(1e-9));
    assertThat(eager[19]).isLessThan(eager[0] / 2);
  }

  @Test
  void trainingBothWaysReproducesMicrogradsTrajectoryIdentically() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    double[][] losses = CompiledMoons.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    assertThat(losses[1]).containsExactly(losses[0]);
    assertThat(losses[0][0]).isCloseTo(0.8958441028683222, offset(1e-9));
    assertThat(losses[0][99]).isCloseTo(0.010978370135492717, offset(1e-9));
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(text).contains("100 of 100 steps identical; final accuracy 100%");
  }

  @Test
  void parallelBatchGradientsMatchTheSequentialOnesAndTheFullBatchGraph() {
    double[] initial = MoonsData.initialParameters();
    BatchGradients sequential = Moons.batchGradients(initial, 1);
    BatchGradients parallel = Moons.batchGradients(initial, 2);
    MLP model = Moons.newModel(initial);
    List<Value> parameters = model.parameters();
    Value loss = Moons.loss(model).total();
    loss.backward();

    assertThat(parallel.loss()).isEqualTo(sequential.loss());
    assertThat(parallel.gradients()).containsExactly(sequential.gradients());
    assertThat(sequential.loss()).isCloseTo(loss.data(), offset(1e-14));
    for (int i = 0; i < parameters.size(); i++) {
      assertThat(sequential.gradient(i)).isCloseTo(parameters.get(i).grad(), offset(1e-14));
    }
  }
}
