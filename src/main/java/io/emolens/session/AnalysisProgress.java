package io.emolens.session;

/** Progress of a long analysis, called on the analyzing thread after each frame. */
@FunctionalInterface
public interface AnalysisProgress {
    AnalysisProgress NONE = (done, total) -> { };

    /** @param total frames expected, 0 when unknown */
    void onFrame(long done, long total);
}
