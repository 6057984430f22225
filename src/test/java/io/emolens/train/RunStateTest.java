package io.emolens.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Best epoch, patience and learning-rate cuts over a sequence of (val loss, val acc) epochs. */
class RunStateTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                // monitor, lrPatience, epochs (val loss, val acc) -> best epoch, epochs since best, final lr
                Arguments.of(TrainConfig.Monitor.VAL_ACCURACY, 2, new double[][] {{1.5, 0.40}, {1.4, 0.45}, {1.45, 0.44}, {1.41, 0.46}},
                        4, 0, 1e-3 / 2),
                Arguments.of(TrainConfig.Monitor.VAL_LOSS, 2, new double[][] {{1.5, 0.40}, {1.4, 0.45}, {1.45, 0.44}, {1.41, 0.46}},
                        2, 2, 1e-3 / 2),
                Arguments.of(TrainConfig.Monitor.VAL_ACCURACY, 0, new double[][] {{1.5, 0.40}, {1.6, 0.30}, {1.7, 0.30}, {1.8, 0.30}},
                        1, 3, 1e-3),
                Arguments.of(TrainConfig.Monitor.VAL_LOSS, 1, new double[][] {{1.5, 0.40}, {1.6, 0.30}, {1.7, 0.30}, {1.8, 0.30}},
                        1, 3, 1e-3 / 8));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void appliesTheRules(TrainConfig.Monitor monitor, int lrPatience, double[][] epochs, int best, int sinceBest, double lr) {
        TrainConfig c = new TrainConfig("tiny", 50, 64, 1e-3, 0, Double.NaN, Double.NaN, 3, monitor, lrPatience, 0.5, 1e-5, 1,
                AugmentConfig.NONE, false, 0, 0, 0);
        RunState s = RunState.initial(c);
        for (int i = 0; i < epochs.length; i++) {
            s = s.next(new EpochStats(i + 1, 1, 1, 0.5, epochs[i][0], epochs[i][1], s.learningRate(), 1, 1), c,
                    RunState.checkpointName(i + 1));
        }
        assertEquals(best, s.bestEpoch());
        assertEquals(RunState.bestName(best), s.best());
        assertEquals(sinceBest, s.epochsSinceBest());
        assertEquals(lr, s.learningRate(), 1e-15);
        assertEquals(sinceBest >= 3, s.patienceExhausted(c));
    }

    /** Fine-tuning's forgetting guard: an epoch below the general-accuracy floor never becomes the best, however good on own data. */
    @org.junit.jupiter.api.Test
    void anEpochThatForgetsCannotBeTheBest() {
        TrainConfig c = new TrainConfig("tiny", 50, 64, 1e-3, 0, Double.NaN, Double.NaN, 3, TrainConfig.Monitor.VAL_ACCURACY, 0, 0.5,
                1e-5, 1, AugmentConfig.NONE, false, 0, 0, 0);
        double[][] epochs = {{0.60, 0.690}, {0.80, 0.672}, {0.70, 0.682}, {0.90, 0.650}};
        RunState s = RunState.initial(c);
        for (int i = 0; i < epochs.length; i++) {
            s = s.next(new EpochStats(i + 1, 1, 1, 0.5, 1, epochs[i][0], 1e-3, 1, 1, epochs[i][1]), c, RunState.checkpointName(i + 1), 0.68);
        }
        assertEquals(3, s.bestEpoch(), "epoch 3 is the best own accuracy that keeps general accuracy at or above 0.68");
        RunState none = RunState.initial(c).next(new EpochStats(1, 1, 1, 0.5, 1, 0.9, 1e-3, 1, 1, 0.5), c, RunState.checkpointName(1), 0.68);
        assertEquals(0, none.bestEpoch());
        assertEquals(null, none.best());
    }
}
