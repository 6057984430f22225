package io.emolens.ui;

import java.awt.BorderLayout;

import javax.swing.JPanel;
import javax.swing.SwingUtilities;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The status bar cuts nothing: long messages wrap (and scroll past three lines), tooltips hold the whole text. */
class StatusBarTest {
    private static final String NO_CAMERA = "No camera found: playing the demo clip. Use File to open a video, image or folder.";

    @Test
    void aLongMessageWrapsInsteadOfBeingCut() throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            Themes.apply(true);
            StatusBar bar = new StatusBar();
            bar.source("Demo clip (demo.mp4)");
            bar.model("Model: emolens-default.zip");
            bar.message(NO_CAMERA);
            JPanel window = layOut(bar, 960);
            assertEquals(NO_CAMERA, bar.messageText());
            assertTrue(bar.messageLines() >= 2, "at 960 px the message takes two lines: " + bar.messageLines());
            assertTrue(bar.messageFits(), "and both show: the bar grew to " + bar.getHeight() + " px");
            assertTrue(bar.messageTooltip().contains(NO_CAMERA), bar.messageTooltip());

            bar.message("short");
            layOut(window, bar, 960);
            assertEquals(1, bar.messageLines());
            assertTrue(bar.getHeight() < 30, "one line again: " + bar.getHeight() + " px");
        });
    }

    @Test
    void aVeryLongMessageScrollsAndItsTooltipHoldsAllOfIt() throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            Themes.apply(false);
            StatusBar bar = new StatusBar();
            String error = "Video stopped: " + "the decoder reported an error in frame 1234 of /home/user/videos/a-very-long-name.mp4; ".repeat(8);
            bar.message(error);
            layOut(bar, 800);
            assertEquals(error, bar.messageText(), "the whole text is kept");
            assertTrue(bar.messageLines() > StatusBar.MESSAGE_LINES);
            assertFalse(bar.messageFits(), "beyond three lines it scrolls");
            assertTrue(bar.getHeight() < 5 * bar.getFontMetrics(bar.getFont()).getHeight(), "the bar stays small: " + bar.getHeight());
            assertTrue(bar.messageTooltip().startsWith("<html>") && bar.messageTooltip().contains("a-very-long-name.mp4"));
            assertEquals(StatusBar.MESSAGE_LINES, Math.round((float) bar.messageScrollHeight() / bar.messageLineHeight()));
        });
    }

    @Test
    void aLongSourceNameIsShortenedAndWholeInItsTooltip() throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            StatusBar bar = new StatusBar();
            String path = "Video: /home/someone/Videos/" + "holiday-".repeat(20) + "final.mp4";
            bar.source(path);
            layOut(bar, 1200);
            assertEquals(path, bar.sourceText());
            assertTrue(bar.sourceWidth() <= 280, "the source field is at most 280 px: " + bar.sourceWidth());
            assertEquals(path, bar.sourceTooltip());
        });
    }

    private static JPanel layOut(StatusBar bar, int width) {
        JPanel window = new JPanel(new BorderLayout());
        window.add(bar, BorderLayout.SOUTH);
        layOut(window, bar, width);
        return window;
    }

    /** Lays the window out twice, as Swing does when the bar's height follows its width. */
    private static void layOut(JPanel window, StatusBar bar, int width) {
        for (int i = 0; i < 3; i++) {
            window.setSize(width, 600);
            layOutTree(window);
        }
    }

    private static void layOutTree(java.awt.Container c) {
        c.doLayout();
        for (java.awt.Component child : c.getComponents()) {
            if (child instanceof java.awt.Container inner) {
                layOutTree(inner);
            }
        }
    }
}
