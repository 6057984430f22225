package io.emolens.session;

/**
 * How a session is recorded.
 *
 * @param video          write the annotated video ({@code annotated.mp4}); default true
 * @param rawVideo       also write the frames without overlay ({@code raw.mp4}); default false (it costs a second encoder)
 * @param cropIntervalMs save the largest face's 48x48 crop at most this often, in session ms (default 200: 5 a second);
 *                       0 saves every frame's
 * @param live           live source: the session clock is wall time and the encoder drops (and counts) frames rather
 *                       than slow the pipeline; offline analysis uses the source's time and drops nothing
 * @param videoFps       nominal frame rate of the videos (frames are stamped with their session time)
 * @param blurFaces      every face box (grown a little) is blurred beyond recognition in the videos, before the overlay
 * @param dataOnly       CSVs and session.json only: no video and no face crops, for studies whose consent forbids storing faces
 */
public record RecordingSettings(boolean video, boolean rawVideo, long cropIntervalMs, boolean live, double videoFps, boolean blurFaces,
                                boolean dataOnly) {
    /** The desktop app's recording. */
    public static final RecordingSettings LIVE = new RecordingSettings(true, false, 200, true, 30);

    public RecordingSettings(boolean video, boolean rawVideo, long cropIntervalMs, boolean live, double videoFps) {
        this(video, rawVideo, cropIntervalMs, live, videoFps, false, false);
    }

    public RecordingSettings {
        if (cropIntervalMs < 0) {
            throw new IllegalArgumentException("cropIntervalMs must be >= 0, was " + cropIntervalMs);
        }
        if (!(videoFps > 0 && videoFps <= 240)) {
            throw new IllegalArgumentException("videoFps must be in (0, 240], was " + videoFps);
        }
    }

    /** Offline analysis of a source with {@code fps} frames a second (images: 1). */
    public static RecordingSettings offline(boolean video, double fps) {
        return new RecordingSettings(video, false, 200, false, fps > 0 ? fps : 1);
    }

    public RecordingSettings withRawVideo(boolean raw) {
        return new RecordingSettings(video, raw, cropIntervalMs, live, videoFps, blurFaces, dataOnly);
    }

    public RecordingSettings withBlurFaces(boolean blur) {
        return new RecordingSettings(video, rawVideo, cropIntervalMs, live, videoFps, blur, dataOnly);
    }

    /** Data only: no video, no raw video, no crops. */
    public RecordingSettings withDataOnly(boolean only) {
        return only ? new RecordingSettings(false, false, cropIntervalMs, live, videoFps, blurFaces, true)
                : new RecordingSettings(video, rawVideo, cropIntervalMs, live, videoFps, blurFaces, false);
    }
}
