package io.emolens.classify;

/**
 * A model read by {@link ModelFiles}: the classifier (which owns the network) and its checked metadata.
 * Closing it closes the classifier.
 */
public record LoadedModel(Dl4jEmotionClassifier classifier, ModelMetadata metadata) implements AutoCloseable {

    @Override
    public void close() {
        classifier.close();
    }
}
