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
        this(factory, initial, factory.apply(initial), null);
    }

    private SwitchingFaceDetector(Function<DetectorSettings, FaceDetector> factory, DetectorSettings requested, FaceDetector current,
                                  String problem) {
        this.factory = factory;
        this.current = current;
        this.requested = requested;
        this.problem = problem;
        remember(requested);
    }

    /**
     * For the desktop app, which must start whatever is missing: when the {@code initial} detector cannot be built, the
     * Haar cascade with default settings, then YuNet, and if neither can be built a detector that finds no faces, with
     * {@link #problem()} saying why.
     */
    public static SwitchingFaceDetector lenient(Function<DetectorSettings, FaceDetector> factory, DetectorSettings initial) {
        try {
            return new SwitchingFaceDetector(factory, initial);
        } catch (RuntimeException e) {
            String why = e.getMessage();
            for (DetectorSettings other : List.of(DetectorConfig.DEFAULT, YunetConfig.DEFAULT)) {
                if (other.kind() != initial.kind()) {
                    try {
                        return new SwitchingFaceDetector(factory, other, factory.apply(other), why + " Using the " + other.kind().title() + " instead.");
                    } catch (RuntimeException ignored) {
                        why = why + " " + ignored.getMessage();
                    }
                }
            }
            return new SwitchingFaceDetector(factory, initial, new NoFaceDetector(initial), why + " No face detection until this is fixed.");
        }
    }

    @Override
    public List<FaceBox> detect(BufferedImage image) {
        return current().detect(image);
    }

    @Override
    public List<FaceBox> detectNear(BufferedImage image, List<FaceBox> around) {
        return current().detectNear(image, around);
    }

    /** The detector for the settings last requested, switched or reconfigured now if they changed. */
    private FaceDetector current() {
        DetectorSettings wanted = requested;
        if (current == null) {
            throw new IllegalStateException("detector is closed");
        }
        if (current.config().kind() != wanted.kind()) {
            switchTo(wanted);
        } else if (!current.config().equals(wanted)) {
            current.setConfig(wanted);
        }
        return current;
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
            if (current instanceof NoFaceDetector) {
                problem = e.getMessage() + " No face detection until this is fixed.";
                current.setConfig(wanted);
                return;
            }
            DetectorSettings kept = current.config().kind() == DetectorKind.HAAR ? haar : current.config();
            problem = e.getMessage() + " Using the " + kept.kind().title() + " instead.";
            requested = kept;
            current.setConfig(kept);
            return;
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
