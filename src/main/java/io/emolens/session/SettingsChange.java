package io.emolens.session;

import java.util.Locale;

import io.emolens.detect.DetectorSettings;

/**
 * A change of the analysis settings during a recording, as {@code session.json} lists it: from frame
 * {@code frame} (at {@code sessionMs}) on, faces were classified by {@code model} (null: detection only) and
 * detected with {@code detector}.
 */
public record SettingsChange(long sessionMs, long frame, String model, DetectorSettings detector) {

    /** In words, e.g. "from 12.3 s (frame 370): model none (detection only); scale 1.10, 5 neighbours, …". */
    public String describe() {
        return String.format(Locale.ROOT, "from %.1f s (frame %d): model %s; %s", sessionMs / 1000.0, frame,
                model == null ? "none (detection only)" : model, detector == null ? "detection settings unknown" : detector.describe());
    }
}
