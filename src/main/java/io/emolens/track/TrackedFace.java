package io.emolens.track;

import java.util.Optional;

import io.emolens.core.EmotionScores;
import io.emolens.core.FaceBox;

/**
 * A face followed across frames.
 *
 * @param id         stable id, unique within a tracker's lifetime, starting at 1
 * @param box        where the face is in this frame
 * @param scores     smoothed probabilities, empty until the face was classified once (or with no model)
 * @param classified true when the classifier scored this face on this very frame
 */
public record TrackedFace(int id, FaceBox box, Optional<EmotionScores> scores, boolean classified) {
}
