package io.emolens.record;

import io.emolens.pipeline.AnalyzedFrame;
import io.emolens.preprocess.FacePreprocessor;
import io.emolens.track.TrackedFace;

/**
 * Saves the largest face's 48x48 crop (the user, nearest the camera) to {@code crops.csv} at most every
 * {@code intervalMs} of session time, made by the classifier's own preprocessor so that exported crops are
 * exactly what the model is given. Not thread-safe.
 */
public final class CropSampler implements AutoCloseable {
    private final CropsCsvWriter out;
    private final FacePreprocessor cropper;
    private final long intervalMs;
    private long lastMs = Long.MIN_VALUE;

    public CropSampler(CropsCsvWriter out, FacePreprocessor cropper, long intervalMs) {
        if (intervalMs < 0) {
            throw new IllegalArgumentException("intervalMs must be >= 0, was " + intervalMs);
        }
        this.out = out;
        this.cropper = cropper;
        this.intervalMs = intervalMs;
    }

    /** Crops the frame's largest face when one is due; a session time going backwards makes one due at once. */
    public void offer(AnalyzedFrame analyzed, long sessionMs) {
        if (analyzed.faces().isEmpty()) {
            return;
        }
        if (lastMs != Long.MIN_VALUE && sessionMs >= lastMs && sessionMs - lastMs < intervalMs) {
            return;
        }
        TrackedFace largest = analyzed.faces().get(0);
        for (TrackedFace f : analyzed.faces()) {
            if (f.box().area() > largest.box().area()) {
                largest = f;
            }
        }
        out.write(sessionMs, analyzed.frame().index(), largest.id(), cropper.crop(analyzed.frame().image(), largest.box()));
        lastMs = sessionMs;
    }

    public void flush() {
        out.flush();
    }

    public long rows() {
        return out.rows();
    }

    @Override
    public void close() {
        out.close();
    }
}
