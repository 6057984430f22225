package io.emolens.source;

import java.nio.file.Path;

/** Counts the frames a video file decodes to: a recorded video is readable when this succeeds. */
public final class VideoFrames {
    private VideoFrames() {
    }

    public static long count(Path video) {
        long n = 0;
        try (FrameSource s = new DefaultFrameSourceFactory().open(video)) {
            while (s.next().isPresent()) {
                n++;
            }
        }
        return n;
    }
}
