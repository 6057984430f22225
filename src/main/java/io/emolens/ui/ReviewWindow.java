package io.emolens.ui;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.Image;
import java.awt.Font;
import java.awt.Window;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import javax.swing.BorderFactory;
import javax.swing.ImageIcon;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JDialog;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTextArea;
import javax.swing.JToolBar;
import javax.swing.SwingWorker;
import javax.swing.WindowConstants;

import io.emolens.core.Emotion;
import io.emolens.eval.ConfusionHeatmap;
import io.emolens.report.SessionReports;
import io.emolens.session.AgreementReport;
import io.emolens.session.FerExport;
import io.emolens.session.RecordedSession;
import io.emolens.session.SessionInfo;
import io.emolens.session.SettingsChange;
import io.emolens.source.FrameSourceFactory;

/**
 * File → Open session…: plays the annotated video, charts each face's probabilities over time with the user's
 * labels as bands, shows how often the model agreed with the labels (accuracy and confusion matrix), exports
 * the labeled face crops as FER2013 rows for fine-tuning and writes the HTML report. Reading the session and
 * exporting run on workers.
 */
final class ReviewWindow {
    private static final int HEATMAP_WIDTH = 340;
    private final JDialog dialog;
    private final RecordedSession session;
    private final AgreementReport report;
    private final PlaybackPanel playback;
    private final TimelineChart timeline;
    private final JComboBox<FaceChoice> faces = new JComboBox<>();
    private final JButton play = new JButton("▶ Play");
    private final Consumer<List<Path>> personalize;
    private final SessionReports reports;
    private final JLabel time = new JLabel("0.0 s");
    private final JLabel message = new JLabel(" ");

    /** A face in the chooser: its id and how many rows it has. */
    private record FaceChoice(int id, List<RecordedSession.Face> rows) {
        @Override
        public String toString() {
            return "Face #" + id + " (" + rows.size() + " frames)";
        }
    }

    ReviewWindow(Window owner, RecordedSession session, AgreementReport report, FrameSourceFactory sources) {
        this(owner, session, report, sources, null);
    }

    /** {@code personalize} fine-tunes on sessions (the Personalize… button); null hides the button. */
    ReviewWindow(Window owner, RecordedSession session, AgreementReport report, FrameSourceFactory sources,
                 Consumer<List<Path>> personalize) {
        this.session = session;
        this.personalize = personalize;
        this.report = report;
        this.reports = new SessionReports(sources);
        this.dialog = new JDialog(owner, "Session " + session.folder().getFileName(), java.awt.Dialog.ModalityType.MODELESS);
        this.timeline = new TimelineChart(session.labels(), session.durationMs());
        this.playback = new PlaybackPanel(sources, session.video(), ms -> {
            timeline.cursor(ms);
            time.setText(String.format("%.1f s", ms / 1000.0));
        });
        timeline.onClick(playback::seek);
        dialog.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        dialog.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosed(WindowEvent e) {
                playback.close();
            }
        });
        JSplitPane top = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, playback, agreementPanel());
        top.setResizeWeight(0.6);
        JPanel content = new JPanel(new BorderLayout(0, 6));
        content.add(toolbar(), BorderLayout.NORTH);
        JSplitPane main = new JSplitPane(JSplitPane.VERTICAL_SPLIT, top, timeline.panel());
        main.setResizeWeight(0.55);
        content.add(main, BorderLayout.CENTER);
        content.add(message, BorderLayout.SOUTH);
        message.setBorder(BorderFactory.createEmptyBorder(2, 8, 2, 8));
        message.setText(summary());
        message.setToolTipText(settingsDetails());
        dialog.setContentPane(content);
        fillFaces();
        dialog.pack();
        dialog.setLocationRelativeTo(owner);
    }

    /** Reads {@code folder} on a worker, then opens its review; a broken or foreign folder gets a message. */
    static void open(Window owner, Path folder, FrameSourceFactory sources, Consumer<List<Path>> personalize) {
        new SwingWorker<Object[], Void>() {
            @Override
            protected Object[] doInBackground() {
                RecordedSession s = RecordedSession.open(folder);
                return new Object[] {s, AgreementReport.of(s)};
            }

            @Override
            protected void done() {
                try {
                    Object[] loaded = get();
                    new ReviewWindow(owner, (RecordedSession) loaded[0], (AgreementReport) loaded[1], sources, personalize).show();
                } catch (ExecutionException e) {
                    Dialogs.error(owner, "Cannot open session", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }.execute();
    }

    void show() {
        dialog.setVisible(true);
    }

    JDialog dialog() {
        return dialog;
    }

    TimelineChart timeline() {
        return timeline;
    }

    PlaybackPanel playback() {
        return playback;
    }

    void togglePlay() {
        playback.setPlaying(!playback.isPlaying());
        play.setText(playback.isPlaying() ? "❚❚ Pause" : "▶ Play");
    }

    private JToolBar toolbar() {
        JToolBar bar = new JToolBar();
        bar.setFloatable(false);
        play.addActionListener(e -> togglePlay());
        bar.add(play);
        JButton restart = new JButton("Restart");
        restart.addActionListener(e -> playback.seek(0));
        bar.add(restart);
        bar.add(time);
        bar.addSeparator();
        bar.add(new JLabel("Chart: "));
        faces.addActionListener(e -> showSelectedFace());
        bar.add(faces);
        bar.addSeparator();
        JButton export = new JButton("Export labeled crops (FER2013 CSV)…");
        export.setName("review.export");
        export.addActionListener(e -> chooseExport());
        bar.add(export);
        JButton report = new JButton("Export report…");
        report.setName("review.report");
        report.setToolTipText("Write a self-contained HTML report of this session: shares, timelines, valence, agreement, thumbnails");
        report.addActionListener(e -> chooseReport());
        bar.add(report);
        if (personalize != null) {
            JButton tune = new JButton("Personalize…");
            tune.setName("review.personalize");
            tune.setToolTipText("Fine-tune the model on the face crops you labeled in this session");
            tune.addActionListener(e -> personalize.accept(List.of(session.folder())));
            bar.add(tune);
        }
        return bar;
    }

    private JPanel agreementPanel() {
        JPanel panel = new JPanel(new BorderLayout(0, 6));
        panel.setBorder(BorderFactory.createEmptyBorder(6, 6, 6, 6));
        JTextArea text = new JTextArea(report.text(), 8, 30);
        text.setName("review.agreement");
        text.setEditable(false);
        text.setLineWrap(!report.predictions() || report.compared() == 0);
        text.setWrapStyleWord(true);
        text.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
        panel.add(new JScrollPane(text), BorderLayout.CENTER);
        if (report.predictions() && report.compared() > 0) {
            BufferedImage full = ConfusionHeatmap.render(report.matrix(), "Your label (rows) vs model (columns)");
            int w = HEATMAP_WIDTH;
            int h = full.getHeight() * w / full.getWidth();
            JLabel heatmap = new JLabel(new ImageIcon(full.getScaledInstance(w, h, Image.SCALE_SMOOTH)));
            heatmap.setName("review.confusion");
            panel.add(heatmap, BorderLayout.NORTH);
        }
        panel.setPreferredSize(new Dimension(HEATMAP_WIDTH + 24, 400));
        return panel;
    }

    private void fillFaces() {
        List<FaceChoice> choices = new ArrayList<>();
        for (Map.Entry<Integer, List<RecordedSession.Face>> e : session.byFace().entrySet()) {
            choices.add(new FaceChoice(e.getKey(), e.getValue()));
        }
        choices.sort((a, b) -> Integer.compare(b.rows().size(), a.rows().size()));
        choices.forEach(faces::addItem);
        if (choices.isEmpty()) {
            timeline.showFace(List.of(), "No faces were found in this session.");
        }
    }

    private void showSelectedFace() {
        FaceChoice c = (FaceChoice) faces.getSelectedItem();
        if (c == null) {
            return;
        }
        String note = session.hasPredictions() ? "Face #" + c.id() + ": probabilities, valence dashed (right axis); bands are your labels"
                : "No probabilities: recorded without a model (detection only). Bands are your labels.";
        timeline.showFace(c.rows(), note);
    }

    private String summary() {
        SessionInfo i = session.info();
        String state = SessionInfo.RECORDING.equals(i.status()) ? " · interrupted (shown up to its last flush)"
                : SessionInfo.FAILED.equals(i.status()) ? " · stopped by an error: " + i.error() : "";
        String changes = i.changes().isEmpty() ? "" : " · model or face detection changed " + i.changes().size()
                + (i.changes().size() == 1 ? " time" : " times") + " (hover for details)";
        return String.format("%s · model %s · %d frames (%d dropped from the video) · %.1f s · %d label segments%s%s",
                i.source(), i.model() == null ? "none" : i.model(), i.frames(), i.droppedFrames(), session.durationMs() / 1000.0,
                session.labels().size(), changes, state);
    }

    private String settingsDetails() {
        SessionInfo i = session.info();
        if (i.detector() == null && i.changes().isEmpty()) {
            return null;
        }
        StringBuilder html = new StringBuilder("<html>");
        if (i.detector() != null) {
            html.append("Face detection: ").append(i.detector().describe());
        }
        for (SettingsChange change : i.changes()) {
            html.append("<br>Changed ").append(change.describe());
        }
        return html.append("</html>").toString();
    }

    private void chooseExport() {
        JFileChooser chooser = new JFileChooser(session.folder().toFile());
        chooser.setDialogTitle("Export labeled face crops as FER2013 CSV");
        chooser.setSelectedFile(session.folder().resolve("fer2013-" + session.folder().getFileName() + ".csv").toFile());
        if (chooser.showSaveDialog(dialog) == JFileChooser.APPROVE_OPTION) {
            export(chooser.getSelectedFile().toPath());
        }
    }

    /** Exports on a worker and reports the counts. */
    void export(Path file) {
        message.setText("Exporting to " + file + "…");
        new SwingWorker<long[], Void>() {
            @Override
            protected long[] doInBackground() {
                return FerExport.export(session, file);
            }

            @Override
            protected void done() {
                try {
                    long[] counts = get();
                    StringBuilder per = new StringBuilder();
                    long total = 0;
                    for (Emotion e : Emotion.values()) {
                        total += counts[e.index()];
                        if (counts[e.index()] > 0) {
                            per.append(per.length() > 0 ? ", " : "").append(e.label()).append(' ').append(counts[e.index()]);
                        }
                    }
                    message.setText("Exported " + total + " labeled face crops (" + per + ") to " + file
                            + ". Train on them with Model → Train model….");
                } catch (ExecutionException e) {
                    message.setText(summary());
                    JOptionPane.showMessageDialog(dialog, Dialogs.describe(e.getCause()), "Export failed", JOptionPane.ERROR_MESSAGE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }.execute();
    }

    private void chooseReport() {
        JFileChooser chooser = new JFileChooser(session.folder().toFile());
        chooser.setDialogTitle("Export session report (HTML)");
        chooser.setSelectedFile(session.folder().resolve("report.html").toFile());
        if (chooser.showSaveDialog(dialog) == JFileChooser.APPROVE_OPTION) {
            Path file = chooser.getSelectedFile().toPath();
            exportReport(file.getFileName().toString().contains(".") ? file : file.resolveSibling(file.getFileName() + ".html"), true);
        }
    }

    /** Writes the HTML report on a worker, says where, and opens it in the browser when {@code open} and the desktop can. */
    void exportReport(Path file, boolean open) {
        message.setText("Writing the report to " + file + "…");
        new SwingWorker<SessionReports.Written, Void>() {
            @Override
            protected SessionReports.Written doInBackground() {
                return reports.write(session.folder(), file);
            }

            @Override
            protected void done() {
                try {
                    SessionReports.Written w = get();
                    message.setText("Report written to " + w.file() + " (" + w.charts() + " charts, " + w.thumbnails() + " thumbnails"
                            + (w.notes().isEmpty() ? "" : "; it notes " + w.notes().size() + " thing" + (w.notes().size() == 1 ? "" : "s")
                            + " missing at its top") + ").");
                    if (open) {
                        browse(w.file());
                    }
                } catch (ExecutionException e) {
                    message.setText(summary());
                    JOptionPane.showMessageDialog(dialog, Dialogs.describe(e.getCause()), "Report failed", JOptionPane.ERROR_MESSAGE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }.execute();
    }

    private static void browse(Path file) {
        if (java.awt.Desktop.isDesktopSupported() && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.BROWSE)) {
            try {
                java.awt.Desktop.getDesktop().browse(file.toUri());
            } catch (java.io.IOException | RuntimeException e) {
                // no browser: the message already says where the report is
            }
        }
    }

    String messageText() {
        return message.getText();
    }
}
