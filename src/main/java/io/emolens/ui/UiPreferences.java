package io.emolens.ui;

import java.awt.Rectangle;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import io.emolens.detect.DetectorConfig;
import io.emolens.detect.DetectorKind;
import io.emolens.detect.DetectorSettings;
import io.emolens.detect.YunetConfig;
import io.emolens.render.OverlayOptions;
import io.emolens.secret.StreamPasswords;
import io.emolens.source.StreamUrl;

/**
 * Everything the app remembers between runs: window bounds, theme, overlay options, face detection settings, last
 * folder, last source and model, recent network cameras (their passwords never: see {@link StreamPasswords}).
 */
public final class UiPreferences {
    private final Preferences prefs;

    public UiPreferences(Preferences prefs) {
        this.prefs = prefs;
    }

    /** The user's preferences node for Emolens. */
    public static UiPreferences user() {
        return new UiPreferences(Preferences.userRoot().node("io/emolens"));
    }

    public boolean darkTheme() {
        return prefs.getBoolean("theme.dark", true);
    }

    public void darkTheme(boolean dark) {
        prefs.putBoolean("theme.dark", dark);
    }

    public Rectangle windowBounds() {
        int w = prefs.getInt("window.w", 0);
        int h = prefs.getInt("window.h", 0);
        return w < 320 || h < 240 ? null : new Rectangle(prefs.getInt("window.x", 0), prefs.getInt("window.y", 0), w, h);
    }

    public void windowBounds(Rectangle r) {
        prefs.putInt("window.x", r.x);
        prefs.putInt("window.y", r.y);
        prefs.putInt("window.w", r.width);
        prefs.putInt("window.h", r.height);
    }

    public OverlayOptions overlay() {
        return new OverlayOptions(prefs.getBoolean("overlay.boxes", true), prefs.getBoolean("overlay.bars", true),
                prefs.getBoolean("overlay.fps", true), prefs.getBoolean("overlay.ids", true), prefs.getBoolean("overlay.valence", false));
    }

    public void overlay(OverlayOptions o) {
        prefs.putBoolean("overlay.boxes", o.boxes());
        prefs.putBoolean("overlay.bars", o.bars());
        prefs.putBoolean("overlay.fps", o.fps());
        prefs.putBoolean("overlay.ids", o.ids());
        prefs.putBoolean("overlay.valence", o.valence());
    }

    /** The Haar cascade's settings, the defaults until the user changes them (View → Face detection…). */
    public DetectorConfig detector() {
        try {
            return new DetectorConfig(prefs.getDouble("detect.scaleFactor", DetectorConfig.DEFAULT.scaleFactor()),
                    prefs.getInt("detect.minNeighbors", DetectorConfig.DEFAULT.minNeighbors()),
                    prefs.getInt("detect.minFaceSize", DetectorConfig.DEFAULT.minFaceSize()),
                    prefs.getInt("detect.width", DetectorConfig.DEFAULT.detectWidth()));
        } catch (IllegalArgumentException e) {
            return DetectorConfig.DEFAULT;
        }
    }

    public void detector(DetectorConfig c) {
        prefs.putDouble("detect.scaleFactor", c.scaleFactor());
        prefs.putInt("detect.minNeighbors", c.minNeighbors());
        prefs.putInt("detect.minFaceSize", c.minFaceSize());
        prefs.putInt("detect.width", c.detectWidth());
    }

    /** YuNet's settings, the defaults until the user changes them (kept while the Haar cascade is chosen). */
    public YunetConfig yunet() {
        try {
            return new YunetConfig(prefs.getDouble("detect.yunet.score", YunetConfig.DEFAULT.scoreThreshold()),
                    prefs.getDouble("detect.yunet.nms", YunetConfig.DEFAULT.nmsThreshold()),
                    prefs.getInt("detect.yunet.width", YunetConfig.DEFAULT.detectWidth()));
        } catch (IllegalArgumentException e) {
            return YunetConfig.DEFAULT;
        }
    }

    /** Which face detector the user chose: the Haar cascade until they choose YuNet. */
    public DetectorKind detectorKind() {
        try {
            return DetectorKind.of(prefs.get("detect.kind", DetectorKind.HAAR.id()));
        } catch (IllegalArgumentException e) {
            return DetectorKind.HAAR;
        }
    }

    /** The chosen detector's settings. */
    public DetectorSettings faceDetection() {
        return detectorKind() == DetectorKind.YUNET ? yunet() : detector();
    }

    /** Remembers the chosen detector and its settings; the other detector's settings stay as they were. */
    public void faceDetection(DetectorSettings s) {
        prefs.put("detect.kind", s.kind().id());
        if (s instanceof YunetConfig y) {
            prefs.putDouble("detect.yunet.score", y.scoreThreshold());
            prefs.putDouble("detect.yunet.nms", y.nmsThreshold());
            prefs.putInt("detect.yunet.width", y.detectWidth());
        } else {
            detector((DetectorConfig) s);
        }
    }

    public String lastDirectory() {
        return prefs.get("last.directory", System.getProperty("user.home"));
    }

    public void lastDirectory(String dir) {
        prefs.put("last.directory", dir);
    }

    /** "camera:NAME|NODE" (older versions: "camera:N"), "file:PATH", "stream:URL" (never with a password) or "demo". */
    public String lastSource() {
        return prefs.get("last.source", "demo");
    }

    public void lastSource(String source) {
        prefs.put("last.source", source);
    }

    /** The mode chosen for the camera {@code cameraKey} names ({@code CameraMode.key()}), empty for its default. */
    public String cameraMode(String cameraKey) {
        return prefs.get(cameraModeKey(cameraKey), "");
    }

    public void cameraMode(String cameraKey, String modeKey) {
        if (modeKey.isEmpty()) {
            prefs.remove(cameraModeKey(cameraKey));
        } else {
            prefs.put(cameraModeKey(cameraKey), modeKey);
        }
    }

    /** Preference keys are at most 80 characters; a camera's name is not bounded, so it is hashed. */
    private static String cameraModeKey(String cameraKey) {
        return "camera.mode." + java.util.UUID.nameUUIDFromBytes(cameraKey.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public String lastTrainingData() {
        return prefs.get("last.trainingData", "");
    }

    public void lastTrainingData(String data) {
        prefs.put("last.trainingData", data);
    }

    /** Where recorded sessions go, one timestamped folder each; default {@code ~/Emolens/sessions}. */
    public String sessionsFolder() {
        return prefs.get("sessions.folder", java.nio.file.Path.of(System.getProperty("user.home"), "Emolens", "sessions").toString());
    }

    public void sessionsFolder(String folder) {
        prefs.put("sessions.folder", folder);
    }

    /** Whether recordings also keep the video without overlay ({@code raw.mp4}); default off. */
    public boolean recordRawVideo() {
        return prefs.getBoolean("sessions.rawVideo", false);
    }

    public void recordRawVideo(boolean raw) {
        prefs.putBoolean("sessions.rawVideo", raw);
    }

    /** Whether recordings blur every face in their videos; default off. */
    public boolean recordBlurFaces() {
        return prefs.getBoolean("sessions.blurFaces", false);
    }

    public void recordBlurFaces(boolean blur) {
        prefs.putBoolean("sessions.blurFaces", blur);
    }

    /** Whether recordings keep data only (CSVs, session.json: no video, no face crops); default off. */
    public boolean recordDataOnly() {
        return prefs.getBoolean("sessions.dataOnly", false);
    }

    public void recordDataOnly(boolean only) {
        prefs.putBoolean("sessions.dataOnly", only);
    }

    public String lastModel() {
        return prefs.get("last.model", "");
    }

    public void lastModel(String model) {
        prefs.put("last.model", model);
    }

    /** Network camera addresses opened before, without passwords, most recent first (at most {@value #RECENT_STREAMS}). */
    public java.util.List<String> recentStreams() {
        String all = prefs.get("streams.recent", "");
        return all.isBlank() ? java.util.List.of() : java.util.List.of(all.split("\n"));
    }

    /** Puts {@code url}, without its password, first among the recent streams. */
    public void rememberStream(StreamUrl url) {
        java.util.List<String> recent = new java.util.ArrayList<>(recentStreams());
        String address = url.withoutPassword().url();
        recent.remove(address);
        recent.add(0, address);
        recentStreams(recent);
    }

    /**
     * Moves the passwords that earlier versions kept in plain text here (recent streams, last source) to
     * {@code passwords} (which may keep nothing) and removes them from the preferences, on disk at once.
     *
     * @return how many addresses had a password
     */
    public int moveStreamPasswords(StreamPasswords passwords) {
        int moved = 0;
        java.util.List<String> recent = new java.util.ArrayList<>();
        for (String entry : recentStreams()) {
            Optional<StreamUrl> url = parse(entry);
            if (url.isPresent() && url.get().password().isPresent()) {
                moved++;
                passwords.remember(url.get());
            }
            url.map(u -> u.withoutPassword().url()).filter(a -> !recent.contains(a)).ifPresent(recent::add);
        }
        String last = lastSource();
        if (last.startsWith(STREAM_SOURCE)) {
            Optional<StreamUrl> url = parse(last.substring(STREAM_SOURCE.length()));
            if (url.isPresent() && url.get().password().isPresent()) {
                moved++;
                passwords.remember(url.get());
            }
            lastSource(url.map(u -> STREAM_SOURCE + u.withoutPassword().url()).orElse("demo"));
        }
        if (moved > 0 || recent.size() != recentStreams().size()) {
            recentStreams(recent);
            try {
                prefs.flush();
            } catch (BackingStoreException e) {
                throw new IllegalStateException("Cannot rewrite the preferences without the stream passwords: " + e.getMessage(), e);
            }
        }
        return moved;
    }

    private void recentStreams(java.util.List<String> recent) {
        prefs.put("streams.recent", String.join("\n", recent.subList(0, Math.min(RECENT_STREAMS, recent.size()))));
    }

    private static Optional<StreamUrl> parse(String address) {
        try {
            return Optional.of(new StreamUrl(address));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** How a stream is remembered as the last source: this prefix and the address without its password. */
    static final String STREAM_SOURCE = "stream:";
    static final int RECENT_STREAMS = 8;

    /** Whether cameras are shown mirrored, as in video calls; default on. */
    public boolean mirrorCamera() {
        return prefs.getBoolean("view.mirrorCamera", true);
    }

    public void mirrorCamera(boolean mirror) {
        prefs.putBoolean("view.mirrorCamera", mirror);
    }
}
