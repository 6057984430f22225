package io.emolens.source;

import java.nio.file.Path;
import java.util.List;

/** Opens frame sources; the UI and CLI see only this interface, never the grabbers behind it. */
public interface FrameSourceFactory {

    /** Opens a video file, an image file, or a folder of images, chosen by what {@code path} is. */
    FrameSource open(Path path);

    /** Opens a network camera ({@code http(s)://} MJPEG or {@code rtsp://}); blocks while connecting, at most the connect timeout. */
    default FrameSource stream(StreamUrl url) {
        throw new io.emolens.core.EmolensException("This build cannot open network streams (" + url + ").");
    }

    /** Opens {@code location}: a stream when it is a URL ({@code scheme://…}), else a file or folder as {@link #open(Path)}. */
    default FrameSource open(String location) {
        return StreamUrl.looksLikeUrl(location) ? stream(new StreamUrl(location)) : open(Path.of(location));
    }

    /**
     * Opens the frames of video file {@code video} whose times fall in [{@code fromMs}, {@code toMs}) ({@code toMs} 0: to
     * the end), seeking to {@code fromMs} instead of decoding what comes before. Frames keep the video's own times, and
     * their numbers are those the whole video gives them (counted on from the number the first frame's time implies at
     * the video's frame rate, exact for constant-rate video).
     */
    default FrameSource openRange(Path video, long fromMs, long toMs) {
        throw new io.emolens.core.EmolensException("This build cannot open part of a video (" + video + ").");
    }

    /** Opens camera {@code index}; fails at once with a clear message when it does not exist. */
    FrameSource camera(int index);

    /**
     * Opens {@code camera} in {@code mode} (empty: its default); a camera that refuses the mode opens at its default and
     * the source's {@link FrameSource#notice()} says why.
     */
    default FrameSource camera(CameraDevice camera, java.util.Optional<CameraMode> mode) {
        return camera(camera.index());
    }

    /** The modes a settings dialog offers for {@code camera} at {@code fps} ({@link CameraMode#offered}); empty when unknown. */
    default List<CameraMode> modes(CameraDevice camera, double fps) {
        return List.of();
    }

    /** The capture cameras present on this machine, by index, possibly none. */
    List<CameraDevice> cameras();
}
