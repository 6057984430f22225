package io.emolens.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.Test;

import io.emolens.core.EmotionScores;

class Dl4jEmotionClassifierTest {

    @Test
    void oneBatchEqualsFaceByFaceOnRealFaces() throws Exception {
        var sample = new Fer2013Sample();
        try (var c = new Dl4jEmotionClassifier(Architectures.build("default"), "default")) {
            List<EmotionScores> batch = c.classify(sample.faces);
            assertEquals(32, batch.size());
            for (int i = 0; i < 32; i++) {
                EmotionScores single = c.classify(List.of(sample.faces.get(i))).get(0);
                assertArrayEquals(single.toArray(), batch.get(i).toArray(), 1e-5f, "face " + i);
                float sum = 0;
                for (float p : batch.get(i).toArray()) {
                    sum += p;
                }
                assertEquals(1f, sum, 1e-5f);
            }
            assertEquals(List.of(), c.classify(List.of()));
            var e = assertThrows(IllegalArgumentException.class, () -> c.classify(List.of(new float[10])));
            assertEquals("face 0 has 10 values, expected 2304", e.getMessage());
            var other = CompletableFuture.runAsync(() -> c.classify(sample.faces.subList(0, 1)));
            var thrown = assertThrows(ExecutionException.class, other::get);
            assertEquals(IllegalStateException.class, thrown.getCause().getClass());
        }
    }

    @Test
    void closedClassifierRefusesWork() {
        var c = new Dl4jEmotionClassifier(Architectures.build("seed"), "seed");
        c.close();
        assertThrows(IllegalStateException.class, () -> c.classify(List.of()));
    }
}
