package io.emolens.core;

import java.util.Arrays;

/** A probability per emotion in FER2013 order; immutable. */
public final class EmotionScores {
    private final float[] probabilities;

    public EmotionScores(float[] probabilities) {
        if (probabilities.length != Emotion.COUNT) {
            throw new IllegalArgumentException("expected " + Emotion.COUNT + " probabilities, got " + probabilities.length);
        }
        this.probabilities = probabilities.clone();
    }

    public float get(Emotion e) {
        return probabilities[e.ordinal()];
    }

    public float[] toArray() {
        return probabilities.clone();
    }

    /** The most probable emotion (lowest index on ties). */
    public Emotion top() {
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) {
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        return Emotion.ofIndex(best);
    }

    public float confidence() {
        return probabilities[top().ordinal()];
    }

    /**
     * Valence in -1..1, as Noldus FaceReader defines it: P(Happy) minus the strongest negative emotion, max(P(Sad),
     * P(Angry), P(Fear), P(Disgust)). Surprise and Neutral count for neither side.
     */
    public float valence() {
        float negative = Math.max(Math.max(get(Emotion.SAD), get(Emotion.ANGRY)), Math.max(get(Emotion.FEAR), get(Emotion.DISGUST)));
        return get(Emotion.HAPPY) - negative;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EmotionScores s && Arrays.equals(probabilities, s.probabilities);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(probabilities);
    }

    @Override
    public String toString() {
        return top().label() + " " + Math.round(confidence() * 100) + "% " + Arrays.toString(probabilities);
    }
}
