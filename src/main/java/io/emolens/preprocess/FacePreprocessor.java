package io.emolens.preprocess;

import java.awt.image.BufferedImage;

import io.emolens.core.FaceBox;

/** Turns a detected face into the classifier's input: a square crop around the face, grayscale, 48x48. */
public interface FacePreprocessor {

    /** 48x48 gray pixels, row-major, of the face in {@code box} (framed as the implementation frames faces). */
    byte[] crop(BufferedImage image, FaceBox box);

    /** {@link #crop} followed by {@link FaceTensor#normalize}. */
    default float[] toInput(BufferedImage image, FaceBox box) {
        return FaceTensor.normalize(crop(image, box));
    }

    /** {@link #crop} followed by {@link InputSpec#input}: the input of a model that takes {@code spec}. */
    default float[] toInput(BufferedImage image, FaceBox box, InputSpec spec) {
        return spec.input(crop(image, box));
    }
}
