package io.emolens.record;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.emolens.core.Emotion;

import static io.emolens.core.Emotion.ANGRY;
import static io.emolens.core.Emotion.HAPPY;
import static io.emolens.core.Emotion.SAD;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Key presses (time, emotion or null for 0) turned into label segments, table-driven. */
class LabelTrackTest {
    private record Press(long ms, Emotion label) {
    }

    static Stream<Arguments> presses() {
        return Stream.of(
                Arguments.of("one label held to the end", List.of(new Press(100, HAPPY)), 900,
                        List.of(new LabelSegment(100, 900, HAPPY))),
                Arguments.of("a new label ends the previous one", List.of(new Press(0, HAPPY), new Press(400, SAD)), 1000,
                        List.of(new LabelSegment(0, 400, HAPPY), new LabelSegment(400, 1000, SAD))),
                Arguments.of("0 clears; the gap has no label", List.of(new Press(0, HAPPY), new Press(300, null), new Press(500, ANGRY)), 800,
                        List.of(new LabelSegment(0, 300, HAPPY), new LabelSegment(500, 800, ANGRY))),
                Arguments.of("pressing the same key again changes nothing", List.of(new Press(0, SAD), new Press(200, SAD)), 600,
                        List.of(new LabelSegment(0, 600, SAD))),
                Arguments.of("two keys in the same millisecond keep the second", List.of(new Press(50, HAPPY), new Press(50, SAD)), 90,
                        List.of(new LabelSegment(50, 90, SAD))),
                Arguments.of("0 with nothing set is harmless", List.of(new Press(10, null)), 90, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presses")
    void segments(String name, List<Press> presses, long endMs, List<LabelSegment> expected) {
        LabelTrack track = new LabelTrack();
        presses.forEach(p -> track.set(p.label(), p.ms()));
        assertEquals(expected, track.segments(endMs), "open segment shown up to now");
        track.closeAt(endMs);
        assertEquals(expected, track.segments(endMs + 1000), "closed at the end");
        assertEquals(List.of(), track.current().stream().toList());
    }
}
