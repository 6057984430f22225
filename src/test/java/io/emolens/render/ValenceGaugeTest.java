package io.emolens.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.emolens.core.EmotionScores;
import io.emolens.core.FaceBox;
import io.emolens.core.VideoFrame;
import io.emolens.pipeline.AnalyzedFrame;
import io.emolens.track.TrackedFace;

/** View → Valence gauge: the largest face's valence in the bottom-left corner, clear of every face's label and panel. */
class ValenceGaugeTest {
    //                                        Angry Disgust Fear Happy Sad  Surprise Neutral
    private static final float[] SMILING = {0.02f, 0.01f, 0.02f, 0.85f, 0.04f, 0.04f, 0.02f};
    private static final float[] ANGRY = {0.70f, 0.05f, 0.05f, 0.05f, 0.05f, 0.05f, 0.05f};

    private static List<TrackedFace> faces() {
        return List.of(new TrackedFace(1, new FaceBox(40, 200, 140, 140), Optional.of(new EmotionScores(SMILING)), true),
                new TrackedFace(2, new FaceBox(420, 60, 60, 60), Optional.of(new EmotionScores(ANGRY)), true));
    }

    @Test
    void showsTheLargestFacesValenceWhereNothingElseIs() {
        Viewport view = Viewport.frame(640, 360);
        Layout layout = new OverlayLayout().place(faces(), view, new OverlayStyle(view.unit()),
                OverlayContent.of(OverlayOptions.ALL.withValence(true)));
        assertEquals(0.85f - 0.04f, layout.valenceValue(), 1e-6, "the largest face, not the angry one");
        Rectangle gauge = layout.valence();
        assertTrue(new Rectangle(0, 0, 640, 360).contains(gauge), "inside the picture: " + gauge);
        assertTrue(gauge.x < 20 && gauge.y + gauge.height > 340, "bottom-left: " + gauge);
        for (Layout.Placement p : layout.faces()) {
            assertTrue(p.label() == null || !p.label().intersects(gauge), "face " + p.id() + "'s label clear of the gauge");
            assertTrue(p.panelBounds() == null || !p.panelBounds().intersects(gauge), "face " + p.id() + "'s panel clear of the gauge");
        }
    }

    @Test
    void offByDefaultAndInRecordings() {
        Viewport view = Viewport.frame(640, 360);
        Layout layout = new OverlayLayout().place(faces(), view, new OverlayStyle(view.unit()), OverlayContent.of(OverlayOptions.ALL));
        assertNull(layout.valence());
        assertNull(layout.valenceValue());
    }

    @Test
    void drawsAGreenBarRightOfTheMiddleForAPositiveFaceAndRedLeftForANegativeOne() {
        for (float[] p : List.of(SMILING, ANGRY)) {
            BufferedImage frame = new BufferedImage(640, 360, BufferedImage.TYPE_3BYTE_BGR);
            List<TrackedFace> one = List.of(new TrackedFace(1, new FaceBox(240, 100, 140, 140), Optional.of(new EmotionScores(p)), true));
            AnalyzedFrame analyzed = new AnalyzedFrame(new VideoFrame(0, 0, "test", frame), one, 0, 0, "test", io.emolens.detect.DetectorConfig.DEFAULT);
            BufferedImage out = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = out.createGraphics();
            Layout layout = new OverlayRenderer().draw(g, analyzed, OverlayContent.of(OverlayOptions.ALL.withValence(true).withBars(false)),
                    Viewport.frame(640, 360));
            g.dispose();
            Rectangle r = layout.valence();
            int y = r.y + r.height * 3 / 4;
            int quarter = r.width / 4;
            Color right = new Color(out.getRGB(r.x + r.width / 2 + quarter / 4, y));
            Color left = new Color(out.getRGB(r.x + r.width / 2 - quarter / 4, y));
            boolean positive = new EmotionScores(p).valence() > 0;
            Color filled = positive ? right : left;
            Color empty = positive ? left : right;
            assertTrue(positive ? filled.getGreen() > 150 && filled.getRed() < 150 : filled.getRed() > 200 && filled.getGreen() < 120,
                    "the bar's filled side: " + filled);
            assertTrue(Math.abs(empty.getRed() - empty.getGreen()) < 30, "the other side is the grey track: " + empty);
        }
    }
}
