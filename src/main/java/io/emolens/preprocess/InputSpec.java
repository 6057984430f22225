package io.emolens.preprocess;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.javacpp.indexer.FloatIndexer;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * What one model takes as input, and the one conversion from a 48x48 gray face crop (FER2013 row, live or
 * recorded crop) to it, used by training, evaluation and live inference alike: resize to {@code size} on float
 * values (bilinear when enlarging, area when shrinking; OpenCV), map pixels with the {@link Normalization}, and
 * repeat the gray plane for a 3-channel model. Output is planar, channel after channel, each row-major.
 * <p>
 * Why from the 48x48 crop rather than straight from the frame: FER2013 faces are 48x48, so models trained on them
 * at 64x64 saw upscaled 48x48 faces; and recorded crops stay exactly what every model was given.
 *
 * @param size          input side in pixels (square), {@value #MIN_SIZE}–{@value #MAX_SIZE}
 * @param channels      1 (gray) or 3 (the gray face repeated)
 * @param normalization pixel mapping
 */
public record InputSpec(int size, int channels, Normalization normalization) {
    public static final int MIN_SIZE = 16;
    public static final int MAX_SIZE = 256;
    /** Emolens's own models: 48x48 gray, pixel/255. */
    public static final InputSpec DEFAULT = new InputSpec(FaceTensor.SIZE, 1, Normalization.UNIT);

    public InputSpec {
        if (size < MIN_SIZE || size > MAX_SIZE) {
            throw new IllegalArgumentException("input size " + size + "x" + size + " is outside " + MIN_SIZE + "–" + MAX_SIZE + " pixels");
        }
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("input has " + channels + " channels; Emolens feeds 1 (gray) or 3 (gray repeated)");
        }
        if (normalization == null) {
            throw new IllegalArgumentException("normalization is missing");
        }
    }

    /** Floats per face: size x size x channels. */
    public int values() {
        return size * size * channels;
    }

    /** The network input for a 48x48 gray crop (unsigned bytes, row-major). */
    public float[] input(byte[] gray) {
        if (gray.length != FaceTensor.PIXELS) {
            throw new IllegalArgumentException("expected " + FaceTensor.PIXELS + " pixels, got " + gray.length);
        }
        int plane = size * size;
        float[] out = new float[values()];
        if (size == FaceTensor.SIZE) {
            for (int i = 0; i < plane; i++) {
                out[i] = normalization.apply(gray[i] & 0xFF);
            }
        } else {
            resized(gray, out);
            for (int i = 0; i < plane; i++) {
                out[i] = normalization.apply(out[i]);
            }
        }
        for (int c = 1; c < channels; c++) {
            System.arraycopy(out, 0, out, c * plane, plane);
        }
        return out;
    }

    /** Writes the crop resized to size x size, as float gray values 0–255, into the first plane of {@code out}. */
    private void resized(byte[] gray, float[] out) {
        int s = FaceTensor.SIZE;
        try (Mat src = new Mat(s, s, CV_32F); Mat dst = new Mat(); Size target = new Size(size, size)) {
            try (FloatIndexer in = src.createIndexer()) {
                for (int i = 0; i < gray.length; i++) {
                    in.put(i / s, i % s, gray[i] & 0xFF);
                }
            }
            resize(src, dst, target, 0, 0, size > s ? INTER_LINEAR : INTER_AREA);
            try (FloatIndexer o = dst.createIndexer()) {
                for (int y = 0; y < size; y++) {
                    for (int x = 0; x < size; x++) {
                        out[y * size + x] = o.get(y, x);
                    }
                }
            }
        }
    }

    /** For messages: {@code 64x64x1, signed}. */
    @Override
    public String toString() {
        return size + "x" + size + "x" + channels + ", " + normalization.option();
    }
}
