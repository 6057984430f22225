package io.emolens.ui;

import java.awt.Point;
import java.awt.Rectangle;
import java.awt.event.MouseEvent;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Set;

import javax.swing.SwingUtilities;

import org.junit.jupiter.api.Test;

import io.emolens.core.VideoFrame;
import io.emolens.detect.DetectorConfig;
import io.emolens.pipeline.AnalyzedFrame;
import io.emolens.render.Layout;
import io.emolens.render.Layout.PanelKind;
import io.emolens.render.OverlayLayoutTest;
import io.emolens.render.OverlayOptions;
import io.emolens.track.TrackedFace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live view: a click on a face pins its full panel (a second click unpins), the pin is kept by track id
 * for the recorder, and the overlay is laid out at screen resolution whatever the source's size.
 */
class VideoPanelTest {

    @Test
    void clickingAFacePinsItsPanelAndClickingAgainUnpinsIt() throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            Themes.apply(true);
            VideoPanel panel = new VideoPanel(OverlayOptions.ALL);
            panel.setSize(960, 540);
            List<TrackedFace> faces = OverlayLayoutTest.faces(OverlayLayoutTest.scene("6 faces"), 1);
            panel.show(frame(new BufferedImage(640, 360, BufferedImage.TYPE_3BYTE_BGR), faces), 25);
            panel.snapshot();
            Layout before = panel.overlayLayout();
            Layout.Placement small = before.faces().get(before.faces().size() - 1);
            assertEquals(PanelKind.MINI, small.panel(), "in a crowd a small face has a mini bar");

            click(panel, centre(small.box()));
            assertEquals(Set.of(small.id()), panel.pinnedFaces());
            panel.snapshot();
            Layout pinned = panel.overlayLayout();
            assertEquals(PanelKind.FULL, byId(pinned, small.id()).panel(), "the clicked face has its full panel");
            assertEquals(PanelKind.FULL, pinned.faces().get(0).panel(), "and the largest keeps its own");

            click(panel, centre(byId(pinned, small.id()).panelBounds()));
            assertEquals(Set.of(), panel.pinnedFaces(), "a click on the pinned panel unpins it");
            click(panel, new Point(2, 2));
            assertEquals(Set.of(), panel.pinnedFaces(), "a click beside every face pins nothing");
        });
    }

    @Test
    void theOverlayIsLaidOutAtScreenResolution() throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            Themes.apply(true);
            VideoPanel panel = new VideoPanel(OverlayOptions.ALL);
            panel.setSize(480, 300);
            BufferedImage uhd = new BufferedImage(3840, 2160, BufferedImage.TYPE_3BYTE_BGR);
            panel.show(frame(uhd, OverlayLayoutTest.faces(OverlayLayoutTest.scene("2 adjacent"), 6)), 25);
            panel.snapshot();
            Layout layout = panel.overlayLayout();
            assertEquals(new Rectangle(0, 15, 480, 270), layout.view().bounds(), "the 4K picture fills the panel's width, centred");
            assertEquals(10, layout.style().fontSize(), "labels are 10 px on screen, not 10/8 of a pixel");
            assertTrue(layout.faces().stream().allMatch(f -> layout.view().bounds().contains(f.label())));
        });
    }

    private static AnalyzedFrame frame(BufferedImage image, List<TrackedFace> faces) {
        return new AnalyzedFrame(new VideoFrame(0, 0, "test", image), faces, 0, 0, "model", DetectorConfig.DEFAULT);
    }

    private static void click(VideoPanel panel, Point p) {
        panel.dispatchEvent(new MouseEvent(panel, MouseEvent.MOUSE_CLICKED, System.currentTimeMillis(), 0, p.x, p.y, 1, false,
                MouseEvent.BUTTON1));
    }

    private static Layout.Placement byId(Layout layout, int id) {
        return layout.faces().stream().filter(f -> f.id() == id).findFirst().orElseThrow();
    }

    private static Point centre(Rectangle r) {
        return new Point((int) r.getCenterX(), (int) r.getCenterY());
    }
}
