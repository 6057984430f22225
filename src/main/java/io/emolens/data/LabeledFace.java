package io.emolens.data;

import io.emolens.core.Emotion;
import io.emolens.preprocess.FaceTensor;

/**
 * One labelled 48x48 gray face as read from FER2013.
 *
 * @param pixels  {@link FaceTensor#PIXELS} unsigned gray bytes, row-major; not copied, do not modify
 * @param emotion the label
 * @param split   the partition the row belongs to
 * @param origin  where it came from, for messages: {@code "fer2013.csv:17"} or {@code "train/happy/a.png"}
 * @param target  the training target over the seven classes in index order (FER+ votes, {@link LabelMode}), or null
 *                for the one-hot {@code emotion}
 * @param group   who or which session the face comes from (a CSV's {@code subject} or {@code group} column, a photo's
 *                person, a recorded session), or null when the data does not say; validation holds out whole groups
 */
public record LabeledFace(byte[] pixels, Emotion emotion, Split split, String origin, float[] target, String group) {

    public LabeledFace {
        if (pixels.length != FaceTensor.PIXELS) {
            throw new IllegalArgumentException("expected " + FaceTensor.PIXELS + " pixels, got " + pixels.length);
        }
        if (target != null && target.length != Emotion.COUNT) {
            throw new IllegalArgumentException("a target has " + Emotion.COUNT + " values, got " + target.length);
        }
    }

    /** A face whose target is its one-hot label, of no known group. */
    public LabeledFace(byte[] pixels, Emotion emotion, Split split, String origin) {
        this(pixels, emotion, split, origin, null, null);
    }

    /** A face of no known group. */
    public LabeledFace(byte[] pixels, Emotion emotion, Split split, String origin, float[] target) {
        this(pixels, emotion, split, origin, target, null);
    }

    /** This face with {@code target} as what training fits. */
    public LabeledFace withTarget(float[] target) {
        return new LabeledFace(pixels, emotion, split, origin, target, group);
    }

    /** This face in {@code split}. */
    public LabeledFace withSplit(Split split) {
        return new LabeledFace(pixels, emotion, split, origin, target, group);
    }

    /** This face as one of {@code group}'s (a person or session). */
    public LabeledFace withGroup(String group) {
        return new LabeledFace(pixels, emotion, split, origin, target, group);
    }

    /** The network input for this face, via the shared {@link FaceTensor#normalize}. */
    public float[] input() {
        return FaceTensor.normalize(pixels);
    }
}
