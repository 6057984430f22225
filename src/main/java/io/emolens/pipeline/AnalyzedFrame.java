package io.emolens.pipeline;

import java.util.List;

import io.emolens.core.VideoFrame;
import io.emolens.detect.DetectorSettings;
import io.emolens.track.TrackedFace;

/**
 * A frame with the faces found on it: the exact frame that was classified is the one drawn and recorded.
 *
 * @param frame    the source frame
 * @param faces    tracked faces, largest first
 * @param detectMs time spent detecting faces on this frame
 * @param classifyMs time spent preprocessing and classifying faces on this frame (0 when none were due)
 * @param model    the name of the classifier in use on this frame, or null for detection only
 * @param detector the face detector and its settings in use on this frame
 */
public record AnalyzedFrame(VideoFrame frame, List<TrackedFace> faces, double detectMs, double classifyMs, String model,
                            DetectorSettings detector) {
    public AnalyzedFrame {
        faces = List.copyOf(faces);
    }
}
