package io.emolens.track;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.emolens.core.Emotion;
import io.emolens.core.EmotionScores;
import io.emolens.core.FaceBox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaceTrackerTest {

    @Test
    void keepsIdsWhileFacesMoveAndGivesNewFacesNewIds() {
        FaceTracker tracker = new FaceTracker(TrackerConfig.DEFAULT);
        List<Integer> first = tracker.assign(List.of(new FaceBox(100, 100, 80, 80), new FaceBox(400, 90, 70, 70)));
        assertEquals(List.of(1, 2), first);
        List<Integer> moved = tracker.assign(List.of(new FaceBox(410, 95, 70, 70), new FaceBox(108, 104, 80, 80)));
        assertEquals(List.of(2, 1), moved);
        List<Integer> third = tracker.assign(List.of(new FaceBox(112, 106, 82, 82), new FaceBox(700, 300, 60, 60)));
        assertEquals(1, third.get(0));
        assertEquals(3, third.get(1));
    }

    @Test
    void aFaceMissedForAFewFramesKeepsItsIdThenIsForgotten() {
        FaceTracker tracker = new FaceTracker(new TrackerConfig(0.3, 2, 1.0));
        FaceBox face = new FaceBox(50, 50, 100, 100);
        int id = tracker.assign(List.of(face)).get(0);
        tracker.assign(List.of());
        tracker.assign(List.of());
        assertEquals(id, tracker.assign(List.of(face)).get(0));
        tracker.assign(List.of());
        tracker.assign(List.of());
        tracker.assign(List.of());
        assertNotEquals(id, tracker.assign(List.of(face)).get(0));
    }

    @Test
    void smoothingDampsASingleFlickeringFrame() {
        FaceTracker tracker = new FaceTracker(new TrackerConfig(0.3, 5, 0.4));
        int id = tracker.assign(List.of(new FaceBox(0, 0, 50, 50))).get(0);
        EmotionScores happy = scores(Emotion.HAPPY);
        tracker.update(id, happy);
        tracker.update(id, happy);
        EmotionScores afterFlicker = tracker.update(id, scores(Emotion.ANGRY));
        assertEquals(Emotion.HAPPY, afterFlicker.top());
        assertEquals(0.6f, afterFlicker.get(Emotion.HAPPY), 1e-6);
        float sum = 0;
        for (float p : afterFlicker.toArray()) {
            sum += p;
        }
        assertEquals(1f, sum, 1e-6);
        assertTrue(tracker.scores(id).isPresent());
    }

    private static EmotionScores scores(Emotion e) {
        float[] p = new float[Emotion.COUNT];
        p[e.ordinal()] = 1f;
        return new EmotionScores(p);
    }

    @Test
    void clearingScoresKeepsTheFacesAndTheirIds() {
        FaceTracker tracker = new FaceTracker(TrackerConfig.DEFAULT);
        FaceBox face = new FaceBox(50, 50, 100, 100);
        int id = tracker.assign(List.of(face)).get(0);
        tracker.update(id, new EmotionScores(new float[] {0, 0, 0, 1, 0, 0, 0}));
        assertEquals(Emotion.HAPPY, tracker.scores(id).orElseThrow().top());
        tracker.clearScores();
        assertTrue(tracker.scores(id).isEmpty(), "no probabilities survive the model that gave them");
        assertEquals(List.of(id), tracker.assign(List.of(face)), "the face keeps its id");
    }
}
