package dev.opgrad.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.opgrad.BatchGradients;
import dev.opgrad.CompiledGraph;
import dev.opgrad.Value;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompiledMoonsTest {

  private static final MoonsData DATA = MoonsData.load();

  @Test
  void theModelHasMicrogradsParameterCountAndFirstLoss() {
    double[] initial = MoonsData.initialParameters();
    assertThat(initial).hasSize(MoonsNet.PARAMETER_COUNT).hasSize(337);
    assertThat(DATA.size()).isEqualTo(100);
    assertThat(MoonsNet.loss(CompiledMoons.leaves(initial), DATA).data())
        .isCloseTo(0.8958441028683222, offset(1e-9));
  }

  @Test
  void compiledStepsGiveTheEagerLossesAndGradientsBitForBit() {
    double[] initial = MoonsData.initialParameters();
    List<Value> eager = CompiledMoons.leaves(initial);
    List<Value> captured = CompiledMoons.leaves(initial);
    CompiledGraph compiled = CompiledGraph.capture(MoonsNet.loss(captured, DATA), captured);
    for (int k = 0; k < 5; k++) {
      Value loss = MoonsNet.loss(eager, DATA);
      eager.forEach(Value::zeroGrad);
      loss.backward();

      assertThat(compiled.forward()).isEqualTo(loss.data());
      compiled.backward();
      for (int i = 0; i < eager.size(); i++) {
        assertThat(compiled.grad(i)).as("grad of parameter %d at step %d", i, k)
            .isEqualTo(eager.get(i).grad());
      }
      double learningRate = MoonsNet.learningRate(k);
      eager.forEach(p -> p.setData(p.data() - learningRate * p.grad()));
      compiled.step(learningRate);
    }
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
    BatchGradients sequential = BatchGradients.compute(
        initial, DATA.size() + 1, (p, term) -> MoonsNet.lossTerm(p, DATA, term), 1);
    BatchGradients parallel = BatchGradients.compute(
        initial, DATA.size() + 1, (p, term) -> MoonsNet.lossTerm(p, DATA, term), 2);
    List<Value> parameters = CompiledMoons.leaves(initial);
    Value loss = MoonsNet.loss(parameters, DATA);
    loss.backward();

    assertThat(parallel.loss()).isEqualTo(sequential.loss());
    assertThat(parallel.gradients()).containsExactly(sequential.gradients());
    assertThat(sequential.loss()).isCloseTo(loss.data(), offset(1e-14));
    for (int i = 0; i < parameters.size(); i++) {
      assertThat(sequential.gradient(i)).isCloseTo(parameters.get(i).grad(), offset(1e-14));
    }
  }
}
