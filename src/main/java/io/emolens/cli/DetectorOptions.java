package io.emolens.cli;

import io.emolens.detect.DetectorConfig;
import io.emolens.detect.DetectorKind;
import io.emolens.detect.DetectorSettings;
import io.emolens.detect.YunetConfig;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The face detector options that {@code analyze} and {@code bench pipeline} share: which detector, and its own settings. */
public final class DetectorOptions {
    @Option(names = "--detector", defaultValue = "haar", paramLabel = "haar|yunet", description = "face detector: haar (OpenCV's Haar cascade) or yunet (OpenCV's YuNet CNN: also finds turned, laughing and small faces) (default: ${DEFAULT-VALUE})")
    String detector;

    @Option(names = "--scale-factor", defaultValue = "1.1", description = "Haar: image pyramid step, in (1, 2]; larger is faster and misses more (default: ${DEFAULT-VALUE})")
    double scaleFactor;

    @Option(names = {"--min-neighbours", "--min-neighbors"}, defaultValue = "4", description = "Haar: overlapping hits needed to accept a face; larger rejects more false faces (default: ${DEFAULT-VALUE})")
    int minNeighbours;

    @Option(names = "--min-face", defaultValue = "24", paramLabel = "PIXELS", description = "Haar: smallest face side in pixels, at least 12 (default: ${DEFAULT-VALUE})")
    int minFace;

    @Option(names = "--score-threshold", defaultValue = "0.7", description = "YuNet: faces scoring below this are dropped, in (0, 1); larger rejects more false faces (default: ${DEFAULT-VALUE})")
    double scoreThreshold;

    @Option(names = "--nms-threshold", defaultValue = "0.3", description = "YuNet: candidates overlapping from this IoU on are one face, in (0, 1) (default: ${DEFAULT-VALUE})")
    double nmsThreshold;

    @Option(names = "--detect-width", defaultValue = "640", paramLabel = "PIXELS", description = "face detection: wider frames are downscaled to this width first; 0 = never (default: ${DEFAULT-VALUE})")
    int detectWidth;

    /** The chosen detector's settings; a ParameterException for {@code cli} naming an invalid one. */
    DetectorSettings settings(CommandLine cli) {
        try {
            return DetectorKind.of(detector) == DetectorKind.YUNET
                    ? new YunetConfig(scoreThreshold, nmsThreshold, detectWidth)
                    : new DetectorConfig(scaleFactor, minNeighbours, minFace, detectWidth);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cli, "face detection settings: " + e.getMessage());
        }
    }
}
