package io.emolens.ui;

import java.awt.GraphicsEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.swing.JButton;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.emolens.TestFiles;
import io.emolens.app.Main;
import io.emolens.core.Emotion;
import io.emolens.record.LabelSegment;
import io.emolens.record.LabelsCsv;
import io.emolens.session.AgreementReport;
import io.emolens.session.RecordedSession;
import io.emolens.source.DefaultFrameSourceFactory;

import static io.emolens.ui.RecordingWindowTest.onEdt;
import static io.emolens.ui.RecordingWindowTest.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The review window's Export report… writes the same self-contained report as {@code review --report}, on a worker. */
class ReviewReportExportTest {
    @TempDir
    Path tmp;

    @Test
    void exportReportWritesTheHtmlAndSaysWhere() throws Exception {
        Assumptions.assumeFalse(GraphicsEnvironment.isHeadless(), "needs a display: run under xvfb-run");
        Path session = tmp.resolve("analyzed");
        assertEquals(0, Main.runCli(new String[] {"analyze", TestFiles.demoClip().toString(), "--out", session.toString(), "--video", "--no-progress"},
                System.out, System.err));
        LabelsCsv.write(session.resolve("labels.csv"), List.of(new LabelSegment(1000, 4000, Emotion.HAPPY)));
        RecordedSession s = RecordedSession.open(session);
        ReviewWindow review = onEdt(() -> new ReviewWindow(null, s, AgreementReport.of(s), new DefaultFrameSourceFactory()));
        JButton button = onEdt(() -> PersonalizeDialogTest.button(review.dialog().getContentPane(), "review.report"));
        assertNotNull(button, "the toolbar offers Export report…");

        Path html = tmp.resolve("shared/report.html");
        Files.createDirectories(html.getParent());
        onEdt(() -> {
            review.exportReport(html, false);
            return null;
        });
        waitFor(() -> onEdt(review::messageText).startsWith("Report written"), 120_000, "the report is written on a worker");
        assertEquals("Report written to " + html + " (4 charts, 3 thumbnails).", onEdt(review::messageText));
        String doc = Files.readString(html);
        assertTrue(doc.contains("<title>Valence over time, largest face</title>") && doc.contains("You: Happy"));
        onEdt(() -> {
            review.dialog().dispose();
            return null;
        });
    }
}
