package io.emolens.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Valence by hand: FaceReader's P(Happy) − max(P(Sad), P(Angry), P(Fear), P(Disgust)); Surprise and Neutral count for neither side. */
class EmotionScoresTest {
    //                                     Angry Disgust Fear  Happy Sad   Surprise Neutral
    private static EmotionScores of(float... p) {
        return new EmotionScores(p);
    }

    @Test
    void aHappyFaceIsPositive() {
        assertEquals(0.80f - 0.06f, of(0.02f, 0.01f, 0.03f, 0.80f, 0.06f, 0.05f, 0.03f).valence(), 1e-6);
    }

    @Test
    void theStrongestNegativeEmotionCountsNotTheirSum() {
        assertEquals(0.10f - 0.40f, of(0.40f, 0.05f, 0.20f, 0.10f, 0.15f, 0.05f, 0.05f).valence(), 1e-6);
        assertEquals(0.0f - 0.35f, of(0.10f, 0.35f, 0.10f, 0.0f, 0.30f, 0.10f, 0.05f).valence(), 1e-6);
    }

    @Test
    void surpriseAndNeutralAreNeither() {
        assertEquals(0.0f, of(0f, 0f, 0f, 0f, 0f, 0.5f, 0.5f).valence(), 1e-6);
    }

    @Test
    void theExtremesAreOneAndMinusOne() {
        assertEquals(1.0f, of(0f, 0f, 0f, 1f, 0f, 0f, 0f).valence(), 1e-6);
        assertEquals(-1.0f, of(0f, 0f, 1f, 0f, 0f, 0f, 0f).valence(), 1e-6);
    }
}
