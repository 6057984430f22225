package io.emolens.classify;

import java.nio.file.Path;

/** Loads a saved model (file plus metadata) as a classifier, or fails with a message naming the file and the problem. */
@FunctionalInterface
public interface ModelLoader {
    EmotionClassifier load(Path modelFile);
}
