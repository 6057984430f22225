package io.emolens.session;

import java.util.List;

import io.emolens.detect.DetectorSettings;

/**
 * What {@code session.json} holds (snake_case keys; extend, never rename). Written when a recording starts
 * (status {@code recording}), refreshed every second while it runs, and finalized when it stops
 * ({@code complete}, or {@code failed} with the error); always replaced atomically. A session whose process was
 * killed keeps status {@code recording} and the counts of its last refresh.
 *
 * @param format        {@value #FORMAT}
 * @param source        what was recorded (camera name or file name)
 * @param model         the classifier's name, or null for detection only
 * @param settings      how it was recorded
 * @param startedAt     ISO-8601 UTC start time
 * @param endedAt       ISO-8601 UTC end time, null while recording
 * @param status        {@code recording}, {@code complete} or {@code failed}
 * @param error         why it failed, else null
 * @param durationMs    session time covered so far
 * @param frames        frames recorded (rows in faces.csv come from these)
 * @param faceRows      rows in faces.csv
 * @param droppedFrames frames the video encoder could not keep up with (still in faces.csv)
 * @param crops         rows in crops.csv
 * @param labelSegments rows in labels.csv
 * @param video         annotated video file name, or null
 * @param videoCodec    its codec, or null
 * @param rawVideo      raw video file name, or null
 * @param detector      the face detector ({@code name}: {@code haar} or {@code yunet}; absent in older sessions: haar)
 *                      and its settings on the first recorded frame (null before it, and in sessions recorded
 *                      before this key existed)
 * @param changes       later changes of model or detection settings, in session order (empty: none)
 */
public record SessionInfo(String format, String source, String model, RecordingSettings settings, String startedAt,
                          String endedAt, String status, String error, long durationMs, long frames, long faceRows,
                          long droppedFrames, long crops, long labelSegments, String video, String videoCodec,
                          String rawVideo, DetectorSettings detector, List<SettingsChange> changes) {
    public static final String FORMAT = "emolens-session/1";
    public static final String RECORDING = "recording";
    public static final String COMPLETE = "complete";
    public static final String FAILED = "failed";

    /** What a report shows for a session whose session.json cannot be read: every field unknown. */
    public static SessionInfo unknown() {
        return new SessionInfo(null, null, null, null, null, null, null, null, 0, 0, 0, 0, 0, 0, null, null, null, null, List.of());
    }

    public SessionInfo {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
