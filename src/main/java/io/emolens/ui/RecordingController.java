package io.emolens.ui;

import java.awt.event.ActionEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

import javax.swing.AbstractAction;
import javax.swing.Action;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JFileChooser;
import javax.swing.JToolBar;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import javax.swing.SwingWorker;
import javax.swing.Timer;

import io.emolens.core.Emotion;
import io.emolens.pipeline.AnalyzedFrame;
import io.emolens.pipeline.LivePipeline;
import io.emolens.record.RecordingException;
import io.emolens.session.Privacy;
import io.emolens.session.RecordingSettings;
import io.emolens.session.SessionInfo;
import io.emolens.session.SessionRecorder;
import io.emolens.source.FrameSourceFactory;

/**
 * Record / stop recording in the main window, and the user's ground truth: keys 1-7 set the emotion the user
 * is showing (FER order: 1 Angry … 7 Neutral), 0 clears it. The label is shown in the status bar and on the
 * video and, while recording, written as segments. Frames reach the recorder on the pipeline thread; every
 * Swing change happens on the EDT. A failed write or a lost source stops the recording with a message and keeps
 * what was written.
 */
final class RecordingController {
    private static final DateTimeFormatter FOLDER_NAME = DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss");
    private final JFrame frame;
    private final UiPreferences prefs;
    private final StatusBar status;
    private final VideoPanel video;
    private final LivePipeline pipeline;
    private final Action recordAction;
    private final Timer ticker;
    private volatile SessionRecorder recorder;
    private volatile String lastSource = "unknown source";
    private Emotion label;
    private boolean busy;
    private boolean closed;

    RecordingController(JFrame frame, UiPreferences prefs, StatusBar status, VideoPanel video, LivePipeline pipeline) {
        this.frame = frame;
        this.prefs = prefs;
        this.status = status;
        this.video = video;
        this.pipeline = pipeline;
        this.recordAction = new AbstractAction("● Record") {
            @Override
            public void actionPerformed(ActionEvent e) {
                toggle();
            }
        };
        recordAction.putValue(Action.SHORT_DESCRIPTION, "Record a session: annotated video, faces.csv and your labels (Ctrl+R)");
        this.ticker = new Timer(250, e -> showState());
        LabelKeys.bind(frame.getRootPane(), this::setLabel);
    }

    /** The main window's toolbar: the Record / Stop button. */
    JToolBar toolbar() {
        JToolBar bar = new JToolBar();
        bar.setFloatable(false);
        JButton button = bar.add(recordAction);
        button.setName("toolbar.record");
        button.setFocusable(false);
        JCheckBox raw = toggle(bar, "toolbar.rawVideo", "also raw video", prefs.recordRawVideo(),
                "Also keep the video without overlay (raw.mp4) in the session; costs a second encoder", prefs::recordRawVideo);
        JCheckBox blur = toggle(bar, "toolbar.blurFaces", "blur faces", prefs.recordBlurFaces(),
                "Blur faces in recordings: every face, grown a little, is blurred beyond recognition in the videos before the overlay is drawn",
                prefs::recordBlurFaces);
        JCheckBox dataOnly = toggle(bar, "toolbar.dataOnly", "data only", prefs.recordDataOnly(),
                "Keep only the CSVs and session.json: no video and no face crops, for studies whose consent forbids storing faces", only -> {
                    prefs.recordDataOnly(only);
                    raw.setEnabled(!only);
                    blur.setEnabled(!only);
                });
        raw.setEnabled(!dataOnly.isSelected());
        blur.setEnabled(!dataOnly.isSelected());
        return bar;
    }

    /** A remembered recording option on the toolbar. */
    private static JCheckBox toggle(JToolBar bar, String name, String text, boolean selected, String tip,
                                    java.util.function.Consumer<Boolean> onChange) {
        JCheckBox box = new JCheckBox(text, selected);
        box.setName(name);
        box.setToolTipText(tip);
        box.setFocusable(false);
        box.addActionListener(e -> onChange.accept(box.isSelected()));
        bar.add(box);
        return box;
    }

    /** The toolbar's Record / Stop button action. */
    Action recordAction() {
        return recordAction;
    }

    boolean isRecording() {
        return recorder != null;
    }

    Optional<Path> folder() {
        SessionRecorder r = recorder;
        return r == null ? Optional.empty() : Optional.of(r.folder());
    }

    Optional<Emotion> label() {
        return Optional.ofNullable(label);
    }

    /** Starts recording into a new timestamped folder of the sessions folder, or stops the running recording. */
    void toggle() {
        if (busy) {
            return;
        }
        if (recorder == null) {
            start();
        } else {
            stop("Recording saved", null);
        }
    }

    /** Sets the user's label ({@code null} clears); recorded from now on when recording. */
    void setLabel(Emotion emotion) {
        label = emotion;
        SessionRecorder r = recorder;
        if (r != null) {
            r.label(emotion, r.elapsedMs());
        }
        showState();
    }

    /** Called on the pipeline thread for every analyzed frame. */
    void onFrame(AnalyzedFrame analyzed) {
        lastSource = analyzed.frame().source();
        SessionRecorder r = recorder;
        if (r == null) {
            return;
        }
        try {
            r.frame(analyzed, r.elapsedMs());
        } catch (RecordingException e) {
            // the recorder stopped itself and reported the failure through its listener
        }
    }

    /** Called on the pipeline thread when the source ends or fails (camera unplugged, end of file, another source opened). */
    void onSourceStopped(String source, Optional<Throwable> error) {
        if (recorder == null) {
            return;
        }
        String why = error.map(Dialogs::describe).orElse("the source ended");
        SwingUtilities.invokeLater(() -> {
            if (recorder != null) {
                stop("Recording stopped because " + source + " stopped (" + why + "). What was recorded is kept",
                        error.isPresent() ? source + " was lost: " + why : null);
            }
        });
    }

    /** Stops a running recording and waits until its files are final (on quit). */
    void close() {
        closed = true;
        ticker.stop();
        SessionRecorder r = recorder;
        recorder = null;
        if (r != null) {
            r.stop();
        }
    }

    private void start() {
        Path folder = newFolder(Path.of(prefs.sessionsFolder()));
        String source = lastSource;
        String model = pipeline.classifierName().orElse(null);
        Emotion initial = label;
        RecordingSettings settings = new Privacy(prefs.recordBlurFaces(), prefs.recordDataOnly())
                .applyTo(RecordingSettings.LIVE.withRawVideo(prefs.recordRawVideo()));
        busy = true;
        status.message("Starting to record into " + folder + "…");
        new SwingWorker<SessionRecorder, Void>() {
            @Override
            protected SessionRecorder doInBackground() {
                SessionRecorder r = SessionRecorder.start(folder, settings, source, model, pipeline.preprocessor(),
                        message -> SwingUtilities.invokeLater(() -> failed(message)));
                r.showPanelsOf(video::pinnedFaces);
                if (initial != null) {
                    r.label(initial, 0);
                }
                return r;
            }

            @Override
            protected void done() {
                busy = false;
                try {
                    SessionRecorder r = get();
                    if (closed) {
                        r.stop();
                        return;
                    }
                    if (label != initial) {
                        r.label(label, r.elapsedMs());
                    }
                    recorder = r;
                    recordAction.putValue(Action.NAME, "■ Stop");
                    ticker.start();
                    status.message("Recording to " + folder + ". Keys 1-7 say what you feel, 0 clears; Ctrl+R stops.");
                    showState();
                } catch (ExecutionException e) {
                    status.message("Not recording: " + Dialogs.describe(e.getCause()));
                    Dialogs.error(frame, "Cannot record", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }.execute();
    }

    /** @param error why the recording ends early (a lost source), recorded in session.json as failed; null: a normal stop */
    private void stop(String what, String error) {
        SessionRecorder r = recorder;
        recorder = null;
        ticker.stop();
        recordAction.putValue(Action.NAME, "● Record");
        showState();
        if (r == null) {
            return;
        }
        busy = true;
        status.message("Finishing the recording…");
        new SwingWorker<SessionInfo, Void>() {
            @Override
            protected SessionInfo doInBackground() {
                return error == null ? r.stop() : r.stopFailed(error);
            }

            @Override
            protected void done() {
                busy = false;
                try {
                    SessionInfo info = get();
                    status.message(String.format("%s: %d frames (%d dropped from the video), %.0f s in %s. Open it with File → Open session….",
                            what, info.frames(), info.droppedFrames(), info.durationMs() / 1000.0, r.folder()));
                } catch (ExecutionException e) {
                    status.message("Recording stopped with an error: " + Dialogs.describe(e.getCause()));
                    Dialogs.error(frame, "Recording", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }.execute();
    }

    private void failed(String message) {
        recorder = null;
        ticker.stop();
        recordAction.putValue(Action.NAME, "● Record");
        showState();
        status.message(message);
        Dialogs.error(frame, "Recording stopped", new io.emolens.core.EmolensException(message));
    }

    private void showState() {
        SessionRecorder r = recorder;
        String rec = null;
        StringBuilder text = new StringBuilder();
        if (r != null) {
            long s = r.elapsedMs() / 1000;
            rec = String.format("● REC %02d:%02d", s / 60, s % 60) + (r.settings().dataOnly() ? " · data only"
                    : r.settings().blurFaces() ? " · faces blurred" : "");
            text.append(rec);
            long dropped = r.droppedFrames();
            if (dropped > 0) {
                text.append(" (").append(dropped).append(" dropped)");
            }
        }
        if (label != null) {
            text.append(text.length() > 0 ? " · " : "").append("You: ").append(label.label());
        }
        status.recording(text.toString());
        video.setBadges(rec, label);
    }

    /** File → Open session…: a folder chooser, then the review window. */
    void openSession(FrameSourceFactory sources, java.util.function.Consumer<java.util.List<Path>> personalize) {
        JFileChooser chooser = new JFileChooser(prefs.sessionsFolder());
        chooser.setDialogTitle("Open session (a folder with session.json)");
        chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
        if (chooser.showOpenDialog(frame) == JFileChooser.APPROVE_OPTION) {
            ReviewWindow.open(frame, chooser.getSelectedFile().toPath(), sources, personalize);
        }
    }

    /** File → Sessions folder…: where new recordings go, remembered. */
    void chooseSessionsFolder() {
        JFileChooser chooser = new JFileChooser(prefs.sessionsFolder());
        chooser.setDialogTitle("Record new sessions into");
        chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
        if (chooser.showDialog(frame, "Use this folder") == JFileChooser.APPROVE_OPTION) {
            prefs.sessionsFolder(chooser.getSelectedFile().getAbsolutePath());
            status.message("New sessions go to " + prefs.sessionsFolder());
        }
    }

    private static Path newFolder(Path parent) {
        String name = LocalDateTime.now().format(FOLDER_NAME);
        Path folder = parent.resolve(name);
        for (int i = 2; Files.exists(folder); i++) {
            folder = parent.resolve(name + "-" + i);
        }
        return folder;
    }
}
