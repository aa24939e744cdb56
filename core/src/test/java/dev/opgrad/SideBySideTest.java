package dev.opgrad;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SideBySideTest {

  /**
   * Random nodes of 3 to 8 inputs, their places drawn so that runs side by side, step 1 and step 2,
   * are common: each bit of the byte is what its definition says, computed input by input.
   */
  @Test
  void eachBitIsItsDefinition() {
    Random random = new Random(20261203);
    int[] seen = new int[6];
    for (int trial = 0; trial < 20_000; trial++) {
      int count = 3 + random.nextInt(6);
      int[] inputs = places(random, count);
      boolean[] wantsGrad = new boolean[40];
      for (int place = 0; place < wantsGrad.length; place++) {
        wantsGrad[place] = random.nextInt(8) != 0;
      }
      // What Tape.of finds as it copies the inputs: input 1, 3, 5, … and 2, 4, 6, … side by side,
      // and every input from 1 on wanting a gradient.
      boolean stepTwo = runs(inputs, 1, 2) && runs(inputs, 2, 2);
      boolean wanted = true;
      for (int i = 1; i < count; i++) {
        wanted &= wantsGrad[inputs[i]];
      }

      int layout = SideBySide.of(inputs, 0, count, stepTwo, wanted, wantsGrad);

      for (int head = 0; head <= 1; head++) {
        for (int step = 1; step <= 2; step++) {
          boolean expected = true;
          for (int from = head; from < count; from++) {
            expected &= runs(inputs, from, step);
          }
          assertThat((layout & SideBySide.bit(head, step)) != 0)
              .as("bit(%s, %s) of %s", head, step, Arrays.toString(inputs))
              .isEqualTo(expected);
          seen[2 * head + step - 1] += expected ? 1 : 0;
        }
        boolean allWanted = true;
        for (int i = head; i < count; i++) {
          allWanted &= wantsGrad[inputs[i]];
        }
        assertThat((layout & SideBySide.wantGradBit(head)) != 0).isEqualTo(allWanted);
        seen[4 + head] += allWanted ? 1 : 0;
      }
    }
    // Every bit is set in some trials, so each was checked both ways.
    for (int bit = 0; bit < seen.length; bit++) {
      assertThat(seen[bit]).as("trials with bit %s", bit).isBetween(100, 19_900);
    }
  }

  @Test
  void isZeroForFewerThanThreeInputs() {
    boolean[] wanted = {true, true};
    assertThat(SideBySide.of(new int[] {0, 1}, 0, 2, true, true, wanted)).isZero();
    assertThat(SideBySide.of(new int[] {0, 1}, 1, 2, true, true, wanted)).isZero();
  }

  /** Whether inputs {@code from}, {@code from + step}, … are at consecutive places. */
  private static boolean runs(int[] inputs, int from, int step) {
    for (int i = from + step; i < inputs.length; i += step) {
      if (inputs[i] != inputs[i - step] + 1) {
        return false;
      }
    }
    return true;
  }

  /**
   * Places as a replay lays them out: side by side from input 1 or from input 0, step 1 or step 2,
   * or at random, sometimes with one input moved.
   */
  private static int[] places(Random random, int count) {
    int[] inputs = new int[count];
    int start = 1 + random.nextInt(20);
    int kind = random.nextInt(5);
    for (int i = 0; i < count; i++) {
      switch (kind) {
        case 0: // step 1 from input 0
          inputs[i] = start + i;
          break;
        case 1: // step 1 from input 1, input 0 elsewhere
          inputs[i] = i == 0 ? random.nextInt(start) : start + i;
          break;
        case 2: // step 2, as a replay numbers a neuron's leaves: input 0, odd, even
          int odd = start + i / 2;
          int even = start + count / 2 + i / 2 - 1;
          inputs[i] = i == 0 ? start - 1 : i % 2 == 1 ? odd : even;
          break;
        case 3: // step 2 from input 0: inputs 0, 2, 4, … then 1, 3, 5, …
          inputs[i] = i % 2 == 0 ? start + i / 2 : start + (count + 1) / 2 + i / 2;
          break;
        default:
          inputs[i] = random.nextInt(40);
      }
    }
    if (random.nextInt(4) == 0) {
      inputs[random.nextInt(count)] = random.nextInt(40);
    }
    return inputs;
  }
}
