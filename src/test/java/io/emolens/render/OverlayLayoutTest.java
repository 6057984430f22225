package io.emolens.render;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.emolens.core.Emotion;
import io.emolens.core.EmotionScores;
import io.emolens.core.FaceBox;
import io.emolens.render.Layout.PanelKind;
import io.emolens.render.Layout.Placement;
import io.emolens.track.TrackedFace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The overlay layout on synthetic crowds (1, 2 adjacent, 6 and 12 faces) at 640x360 and 1920x1080, drawn on the
 * frame (the annotated video) and in a live view: checked on the layout's own geometry ({@link LayoutChecks}).
 */
public class OverlayLayoutTest {
    private static final OverlayContent ALL = OverlayContent.of(OverlayOptions.ALL.withFps(false));

    /** Face boxes of a 640x360 frame. */
    public static List<FaceBox> scene(String name) {
        return switch (name) {
            case "1 face" -> List.of(new FaceBox(270, 110, 110, 110));
            case "2 adjacent" -> List.of(new FaceBox(190, 110, 120, 120), new FaceBox(310, 116, 114, 114));
            case "6 faces" -> List.of(new FaceBox(60, 60, 70, 70), new FaceBox(205, 55, 75, 75), new FaceBox(350, 66, 64, 64),
                    new FaceBox(490, 60, 72, 72), new FaceBox(120, 205, 92, 92), new FaceBox(335, 212, 84, 84));
            case "12 faces" -> twelve();
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** An audience: three rows of four, nearer rows larger and lower. */
    private static List<FaceBox> twelve() {
        List<FaceBox> boxes = new ArrayList<>();
        int[] rowY = {48, 140, 245};
        int[] size = {40, 50, 62};
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 4; col++) {
                int s = size[row] + (col == 1 && row == 2 ? 8 : 0);
                boxes.add(new FaceBox(30 + col * 160 + (row % 2) * 40, rowY[row], s, s));
            }
        }
        return boxes;
    }

    public static List<TrackedFace> faces(List<FaceBox> boxes, double scale) {
        List<TrackedFace> faces = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            FaceBox b = boxes.get(i);
            FaceBox scaled = new FaceBox((int) Math.round(b.x() * scale), (int) Math.round(b.y() * scale),
                    (int) Math.round(b.width() * scale), (int) Math.round(b.height() * scale));
            faces.add(new TrackedFace(i + 10, scaled, Optional.of(scores(Emotion.values()[i % Emotion.COUNT])), true));
        }
        return faces;
    }

    /** {@code top} at 100% (the widest label text), the rest 0. */
    public static EmotionScores scores(Emotion top) {
        float[] p = new float[Emotion.COUNT];
        p[top.ordinal()] = 0.6f;
        p[(top.ordinal() + 1) % Emotion.COUNT] = 0.25f;
        p[(top.ordinal() + 3) % Emotion.COUNT] = 0.15f;
        return new EmotionScores(p);
    }

    static Stream<Arguments> scenes() {
        List<Arguments> out = new ArrayList<>();
        for (String scene : List.of("1 face", "2 adjacent", "6 faces", "12 faces")) {
            for (int width : new int[] {640, 1920}) {
                out.add(Arguments.of(scene, width));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("scenes")
    void nothingPilesUpOnTheFrameOrInTheLiveView(String scene, int width) {
        int height = width * 9 / 16;
        List<TrackedFace> faces = faces(scene(scene), width / 640.0);
        for (Viewport view : List.of(Viewport.frame(width, height), Viewport.fit(width, height, 960, 540),
                Viewport.fit(width, height, 1600, 900))) {
            Layout layout = new OverlayLayout().place(faces, view, new OverlayStyle(view.unit()), ALL);
            assertEquals(List.of(), LayoutChecks.problems(layout, true), scene + " in " + view);
            assertEquals(faces.size(), layout.faces().size());
            long full = layout.faces().stream().filter(p -> p.panel() == PanelKind.FULL).count();
            long none = layout.faces().stream().filter(p -> p.panel() == PanelKind.NONE).count();
            if (faces.size() <= OverlayLayout.FEW) {
                assertEquals(faces.size(), full, "few faces: every one has its full panel, " + scene + " in " + view);
            } else {
                assertEquals(1, full, "a crowd: only the largest face has the full panel, " + scene + " in " + view);
                assertTrue(none <= faces.size() / 4, none + " faces without even a mini bar, " + scene + " in " + view);
            }
        }
    }

    @Test
    void theOverlayKeepsItsSizeOnScreenWhateverTheSource() {
        Viewport small = Viewport.fit(3840, 2160, 480, 270);
        Viewport big = Viewport.fit(640, 360, 2560, 1440);
        assertEquals(10, new OverlayStyle(small.unit()).fontSize(), "a 4K source in a small window");
        assertEquals(18, new OverlayStyle(big.unit()).fontSize(), "a VGA source on a large screen");
        assertEquals(33, new OverlayStyle(Viewport.frame(1920, 1080).unit()).fontSize(), "a 1080p video: 1/33 of its height");
        assertEquals(new Rectangle(0, 0, 480, 270), small.bounds());
        assertEquals(new Rectangle(100, 30, 120, 120), Viewport.fit(1920, 1080, 960, 600).map(new FaceBox(200, 0, 240, 240)));
    }

    @Test
    void aClickedFaceGetsItsFullPanelAndTheLargestKeepsHis() {
        List<TrackedFace> faces = faces(scene("6 faces"), 1);
        Viewport view = Viewport.frame(640, 360);
        OverlayContent pinned = new OverlayContent(OverlayOptions.ALL.withFps(false), 0, Set.of(12), List.of());
        Layout layout = new OverlayLayout().place(faces, view, new OverlayStyle(view.unit()), pinned);
        assertEquals(List.of(), LayoutChecks.problems(layout, true));
        assertEquals(PanelKind.FULL, byId(layout, 12).panel());
        assertTrue(byId(layout, 12).pinned());
        assertEquals(PanelKind.FULL, layout.faces().get(0).panel());
        assertEquals(Optional.of(12), layout.faceAt(centre(byId(layout, 12).box())).map(Placement::id));
        assertEquals(Optional.of(12), layout.faceAt(centre(byId(layout, 12).panelBounds())).map(Placement::id));
        assertEquals(Optional.empty(), layout.faceAt(new java.awt.Point(639, 359)));
    }

    @Test
    void aPanelStaysOnItsSideWhileItsFaceMoves() {
        OverlayLayout layout = new OverlayLayout();
        Viewport view = Viewport.frame(640, 360);
        OverlayStyle style = new OverlayStyle(view.unit());
        int x = 640 - 100 - style.panel().width + 10;
        Placement first = layout.place(List.of(face(1, x, 100)), view, style, ALL).faces().get(0);
        assertTrue(first.panelBounds().x < x, "no room on the right at first: the panel goes left " + first);
        Placement moved = layout.place(List.of(face(1, x - 20, 100)), view, style, ALL).faces().get(0);
        assertTrue(moved.panelBounds().x < x - 20, "room on the right now, but the panel stays left");
        Placement fresh = new OverlayLayout().place(List.of(face(1, x - 20, 100)), view, style, ALL).faces().get(0);
        assertTrue(fresh.panelBounds().x > x - 20, "without memory it would have gone right");
    }

    @Test
    void withoutAModelFacesAreBoxedAndLabelledWithTheirId() {
        TrackedFace unscored = new TrackedFace(4, new FaceBox(100, 100, 80, 80), Optional.empty(), false);
        Viewport view = Viewport.frame(640, 360);
        Layout layout = new OverlayLayout().place(List.of(unscored), view, new OverlayStyle(1), ALL);
        assertEquals("face  #4", layout.faces().get(0).text());
        assertEquals(PanelKind.NONE, layout.faces().get(0).panel());
        assertEquals(List.of(), LayoutChecks.problems(layout, true));
    }

    @Test
    void badgesAndTheFpsCornerAreKeptClear() {
        List<TrackedFace> faces = List.of(face(1, 440, 2), face(2, 40, 40));
        Viewport view = Viewport.frame(640, 360);
        OverlayContent content = new OverlayContent(OverlayOptions.ALL, 24.5, Set.of(),
                List.of(new Badge("● REC 00:12", java.awt.Color.RED, java.awt.Color.WHITE), Badge.userLabel(Emotion.HAPPY)));
        Layout layout = new OverlayLayout().place(faces, view, new OverlayStyle(1), content);
        assertEquals(List.of(), LayoutChecks.problems(layout, true));
        assertEquals(String.format("%.1f FPS  2 faces", 24.5), layout.fpsText());
        assertEquals(2, layout.badges().size());
    }

    @Test
    void randomCrowdsNeverGetOverlappingPanels() {
        Random random = new Random(19);
        for (int trial = 0; trial < 300; trial++) {
            int width = random.nextBoolean() ? 640 : 1920;
            int height = width * 9 / 16;
            List<FaceBox> boxes = new ArrayList<>();
            int n = 1 + random.nextInt(15);
            for (int tries = 0; boxes.size() < n && tries < 500; tries++) {
                int s = (int) (height * (0.08 + 0.3 * random.nextDouble() * random.nextDouble()));
                FaceBox b = new FaceBox(random.nextInt(width - s), random.nextInt(height - s), s, s);
                if (boxes.stream().allMatch(o -> o.iou(b) == 0)) {
                    boxes.add(b);
                }
            }
            Viewport view = trial % 2 == 0 ? Viewport.frame(width, height) : Viewport.fit(width, height, 960, 540);
            Layout layout = new OverlayLayout().place(faces(boxes, 1), view, new OverlayStyle(view.unit()), ALL);
            List<String> panelProblems = LayoutChecks.problems(layout, false).stream()
                    .filter(p -> p.contains("panel") && !p.contains("largest")).toList();
            assertEquals(List.of(), panelProblems, "trial " + trial + ": " + boxes);
            assertTrue(layout.faces().stream().allMatch(p -> p.label() != null), "every face is labelled");
        }
    }

    @Test
    void theRendererDrawsWhatTheLayoutPlacedReadablyOnWhiteAndOnBlack() {
        for (int background : new int[] {0xFFFFFF, 0x000000}) {
            BufferedImage image = new BufferedImage(640, 360, BufferedImage.TYPE_3BYTE_BGR);
            for (int y = 0; y < 360; y++) {
                for (int x = 0; x < 640; x++) {
                    image.setRGB(x, y, background);
                }
            }
            List<TrackedFace> faces = faces(scene("2 adjacent"), 1);
            io.emolens.pipeline.AnalyzedFrame frame = new io.emolens.pipeline.AnalyzedFrame(
                    new io.emolens.core.VideoFrame(0, 0, "test", image), faces, 0, 0, "m", io.emolens.detect.DetectorConfig.DEFAULT);
            OverlayRenderer renderer = new OverlayRenderer();
            BufferedImage out = renderer.render(frame, ALL);
            Layout layout = renderer.layout(frame, ALL, Viewport.frame(640, 360));
            for (Placement p : layout.faces()) {
                Rectangle panel = p.panelBounds();
                int backing = out.getRGB(panel.x + panel.width - 3, panel.y + panel.height / 2);
                assertTrue(contrast(backing, 0xFFFFFF) >= 4.5, String.format("white panel text on %06x over %06x", backing & 0xFFFFFF, background));
                Rectangle label = p.label();
                int fill = out.getRGB(label.x + 1, label.y + 2) & 0xFFFFFF;
                assertEquals(p.face().scores().orElseThrow().top().rgb(), fill, "the label is filled with the emotion's colour");
                int text = OverlayRenderer.textOn(new java.awt.Color(fill)).getRGB();
                assertTrue(contrast(fill, text) >= 4.5, "label text on " + Integer.toHexString(fill));
                int halo = out.getRGB(p.box().x - 2, p.box().y + p.box().height / 2);
                int line = out.getRGB(p.box().x, p.box().y + p.box().height / 2);
                assertTrue(Math.max(contrast(halo, background), contrast(line, background)) >= 3,
                        String.format("the box (%06x, halo %06x) stands out from %06x", line & 0xFFFFFF, halo & 0xFFFFFF, background));
            }
        }
    }

    private static double contrast(int a, int b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(int rgb) {
        double[] c = {(rgb >> 16 & 255) / 255.0, (rgb >> 8 & 255) / 255.0, (rgb & 255) / 255.0};
        for (int i = 0; i < 3; i++) {
            c[i] = c[i] <= 0.03928 ? c[i] / 12.92 : Math.pow((c[i] + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    private static TrackedFace face(int id, int x, int y) {
        return new TrackedFace(id, new FaceBox(x, y, 100, 100), Optional.of(scores(Emotion.HAPPY)), true);
    }

    private static Placement byId(Layout layout, int id) {
        return layout.faces().stream().filter(p -> p.id() == id).findFirst().orElseThrow();
    }

    private static java.awt.Point centre(Rectangle r) {
        return new java.awt.Point((int) r.getCenterX(), (int) r.getCenterY());
    }
}
