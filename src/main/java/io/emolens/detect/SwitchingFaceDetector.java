package io.emolens.detect;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import io.emolens.core.FaceBox;

/**
 * The face detector the app and {@code analyze} run: settings of either kind are accepted at any time, and a change
 * of kind (Haar ↔ YuNet) builds the new detector on the detecting thread before the next frame and closes the old
 * one. If the new detector cannot be built (a missing or broken model file), detection goes on with the Haar cascade
 * and {@link #problem()} says why. Owns the detector it holds.
 */
public final class SwitchingFaceDetector implements FaceDetector {
    private final Function<DetectorSettings, FaceDetector> factory;
    private FaceDetector current;
    private volatile DetectorSettings requested;
    private volatile String problem;
    private volatile DetectorConfig haar = DetectorConfig.DEFAULT;

    /**
     * @param factory builds a detector for settings of either kind; throws {@link io.emolens.core.EmolensException}
     *                saying what is wrong (the file, the reason)
     * @param initial the first settings; a detector that cannot be built for them is an error here, not a fallback
     */
    public SwitchingFaceDetector(Function<DetectorSettings, FaceDetector> factory, DetectorSettings initial) {
        this.factory = factory;
        this.current = factory.apply(initial);
        this.requested = initial;
        remember(initial);
    }

    @Override
    public List<FaceBox> detect(BufferedImage image) {
        DetectorSettings wanted = requested;
        if (current == null) {
            throw new IllegalStateException("detector is closed");
        }
        if (current.config().kind() != wanted.kind()) {
            switchTo(wanted);
        } else if (!current.config().equals(wanted)) {
            current.setConfig(wanted);
        }
        return current.detect(image);
    }

    @Override
    public DetectorSettings config() {
        return requested;
    }

    @Override
    public void setConfig(DetectorSettings config) {
        requested = Objects.requireNonNull(config);
        remember(config);
    }

    /** Why the last requested detector is not in use (then the Haar cascade is), if it is not. */
    @Override
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    @Override
    public void close() {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    private void switchTo(DetectorSettings wanted) {
        FaceDetector next;
        try {
            next = factory.apply(wanted);
            problem = null;
        } catch (RuntimeException e) {
            problem = e.getMessage() + " Using the Haar cascade instead.";
            DetectorConfig fallback = haar;
            requested = fallback;
            if (current.config().kind() == DetectorKind.HAAR) {
                current.setConfig(fallback);
                return;
            }
            next = factory.apply(fallback);
        }
        current.close();
        current = next;
    }

    private void remember(DetectorSettings settings) {
        if (settings instanceof DetectorConfig h) {
            haar = h;
        }
    }
}
