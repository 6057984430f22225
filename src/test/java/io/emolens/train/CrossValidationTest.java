package io.emolens.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.emolens.core.Emotion;
import io.emolens.data.LabeledFace;
import io.emolens.data.Split;

class CrossValidationTest {
    @TempDir
    Path tmp;

    @Test
    void foldsAreStratifiedAndDisjoint() {
        List<LabeledFace> training = TrainerTest.DATA.split(Split.TRAINING);
        List<List<LabeledFace>> folds = new CrossValidation(TrainerTest.trainer(), 4).folds(training, 42);
        int[] perClass = {28, 10, 28, 45, 32, 22, 35};
        assertEquals(200, folds.stream().mapToInt(List::size).sum());
        assertEquals(200, folds.stream().flatMap(List::stream).distinct().count());
        for (List<LabeledFace> fold : folds) {
            for (Emotion e : Emotion.values()) {
                long n = fold.stream().filter(f -> f.emotion() == e).count();
                assertTrue(Math.abs(n - perClass[e.index()] / 4.0) <= 1, e + " in a fold: " + n);
            }
        }
    }

    @Test
    void runsOneTrainingPerFoldAndSummarizes() throws Exception {
        CrossValidation.Result r = new CrossValidation(TrainerTest.trainer(), 2).run(TrainerTest.DATA, TrainerTest.config(1),
                tmp, TrainingListener.NONE, new TrainingControl());
        assertEquals(2, r.folds().size());
        assertEquals(100, r.folds().get(0).confusion().total());
        assertEquals(100, r.folds().get(1).confusion().total());
        assertEquals(3, Files.readAllLines(tmp.resolve("cv.csv")).size());
        assertTrue(Files.isRegularFile(tmp.resolve("fold-2/curves.csv")));
        assertTrue(r.format().startsWith("2-fold cross-validation on Training: accuracy "), r.format());
    }
}
