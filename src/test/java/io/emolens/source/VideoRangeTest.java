package io.emolens.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.emolens.TestFiles;
import io.emolens.core.VideoFrame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Ranges of a video ({@code archive}'s segments) partition its frames: same numbers, times and pixels as one whole read. */
class VideoRangeTest {
    private final DefaultFrameSourceFactory factory = new DefaultFrameSourceFactory();

    @Test
    void threeRangesOfTheDemoClipAreItsFramesExactlyOnce() {
        List<VideoFrame> whole = frames(factory.open(TestFiles.demoClip()));
        try (FrameSource s = factory.open(TestFiles.demoClip())) {
            assertEquals(7007, s.durationMs(), 50, "the container's length");
        }
        List<VideoFrame> parts = new ArrayList<>();
        parts.addAll(frames(factory.openRange(TestFiles.demoClip(), 0, 2500)));
        parts.addAll(frames(factory.openRange(TestFiles.demoClip(), 2500, 5000)));
        parts.addAll(frames(factory.openRange(TestFiles.demoClip(), 5000, 0)));
        assertEquals(whole.size(), parts.size());
        for (int i = 0; i < whole.size(); i++) {
            assertEquals(whole.get(i).index(), parts.get(i).index(), "frame number at " + i);
            assertEquals(whole.get(i).timeMs(), parts.get(i).timeMs(), "time at " + i);
            assertEquals("demo.mp4", parts.get(i).source());
        }
        assertArrayEquals(pixels(whole.get(75)), pixels(parts.get(75)), "the first frame after a seek decodes as in a whole read");
        assertArrayEquals(pixels(whole.get(150)), pixels(parts.get(150)));
    }

    private static List<VideoFrame> frames(FrameSource source) {
        List<VideoFrame> out = new ArrayList<>();
        try (source) {
            Optional<VideoFrame> f;
            while ((f = source.next()).isPresent()) {
                out.add(f.get());
            }
        }
        return out;
    }

    private static byte[] pixels(VideoFrame f) {
        return ((java.awt.image.DataBufferByte) f.image().getRaster().getDataBuffer()).getData();
    }
}
