package io.emolens.detect;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;

import io.emolens.core.FaceBox;

/**
 * Stands in when no face detector can be built (a damaged install without its cascade or model file): finds no
 * faces, so the video still plays and records while the app says what is missing.
 */
final class NoFaceDetector implements FaceDetector {
    private volatile DetectorSettings config;

    NoFaceDetector(DetectorSettings config) {
        this.config = Objects.requireNonNull(config);
    }

    @Override
    public List<FaceBox> detect(BufferedImage image) {
        return List.of();
    }

    @Override
    public DetectorSettings config() {
        return config;
    }

    @Override
    public void setConfig(DetectorSettings config) {
        this.config = Objects.requireNonNull(config);
    }

    @Override
    public void close() {
    }
}
