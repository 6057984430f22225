package io.emolens.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.emolens.TestFiles;
import io.emolens.core.VideoFrame;
import io.emolens.source.DefaultFrameSourceFactory;
import io.emolens.source.FrameSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The demo clip's two cuts (new shots at frames 17 and 146, checked by eye) are found, and its motion is not a cut. */
class SceneCutsTest {

    @Test
    void findsTheDemoClipsTwoCutsAndNothingElse() {
        SceneCuts cuts = new SceneCuts();
        List<Long> found = new ArrayList<>();
        VideoFrame first = null;
        try (FrameSource source = new DefaultFrameSourceFactory().open(TestFiles.demoClip())) {
            Optional<VideoFrame> next;
            while ((next = source.next()).isPresent()) {
                first = first == null ? next.get() : first;
                if (cuts.isCut(next.get().image())) {
                    found.add(next.get().index());
                }
            }
        }
        assertEquals(List.of(17L, 146L), found);
        cuts.reset();
        assertFalse(cuts.isCut(first.image()), "after a reset the first frame is no cut");
    }
}
