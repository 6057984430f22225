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
 */
public record LabeledFace(byte[] pixels, Emotion emotion, Split split, String origin) {

    public LabeledFace {
        if (pixels.length != FaceTensor.PIXELS) {
            throw new IllegalArgumentException("expected " + FaceTensor.PIXELS + " pixels, got " + pixels.length);
        }
    }

    /** The network input for this face, via the shared {@link FaceTensor#normalize}. */
    public float[] input() {
        return FaceTensor.normalize(pixels);
    }
}
