package io.emolens.track;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.emolens.core.FaceBox;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Where a face's box is shown between detections. */
class BoxMotionTest {

    @ParameterizedTest(name = "{0}: detected at x={1} (t=0) and x={2} (t=100), shown at t={3} -> x={4}")
    @CsvSource({
            // mode, x at 0 ms, x at 100 ms, time shown, expected x (velocity is smoothed: half the first speed)
            "VELOCITY, 100, 120, 100, 120",
            "VELOCITY, 100, 120, 200, 130",
            "VELOCITY, 100, 120, 350, 130",
            "VELOCITY, 100, 120, 1000, 130",
            "VELOCITY, 100, 80, 200, 70",
            "VELOCITY, 100, 100, 300, 100",
            "VELOCITY, 100, 590, 300, 590",
            "HOLD, 100, 120, 300, 120",
    })
    void boxesMoveAtTheFacesLastSpeedForAtMostATenthOfASecond(BoxMotion.Mode mode, int x0, int x1, long shownAt, int expectedX) {
        BoxMotion motion = new BoxMotion(mode);
        motion.observe(1, new FaceBox(x0, 50, 40, 40), 0);
        FaceBox last = new FaceBox(x1, 50, 40, 40);
        motion.observe(1, last, 100);
        FaceBox shown = motion.predict(1, last, shownAt, 640, 360);
        assertEquals(expectedX, shown.x());
        assertEquals(50, shown.y());
    }
}
