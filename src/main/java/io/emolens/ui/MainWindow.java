package io.emolens.ui;

import java.awt.BorderLayout;
import java.awt.Rectangle;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JOptionPane;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;

import io.emolens.source.CameraDevice;
import io.emolens.detect.DetectorSettings;
import io.emolens.pipeline.AnalyzedFrame;
import io.emolens.pipeline.LivePipeline;
import io.emolens.render.OverlayOptions;
import io.emolens.session.ModelLibrary;

/**
 * The Emolens window: live video with overlay, menus, status bar. Owns the live pipeline; opening a source
 * stops (and releases) the previous one; closing the window releases everything. Swing state is touched only
 * on the EDT; opening sources ({@link SourceController}) and loading models ({@link ModelController}) run on
 * worker threads.
 */
public final class MainWindow implements Menus.Handler, TrainingHost {
    private final DesktopServices services;
    private final UiPreferences prefs;
    private final Runnable onClosed;
    private final JFrame frame = new JFrame("Emolens");
    private final VideoPanel video;
    private final StatusBar status = new StatusBar();
    private final LivePipeline pipeline;
    private final RecordingController recording;
    private final SourceController sources;
    private final ModelController models;
    private final DetectionController detection;
    private volatile long framesShown;
    private TrainingDialog training;

    public MainWindow(DesktopServices services, UiPreferences prefs, Runnable onClosed) {
        this.services = services;
        this.prefs = prefs;
        this.onClosed = onClosed;
        this.video = new VideoPanel(prefs.overlay());
        this.pipeline = new LivePipeline(services.analyzers().createLive(null, null), new PipelineListener());
        frame.setIconImages(AppIcon.images());
        pipeline.setMirror(prefs.mirrorCamera());
        frame.setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        frame.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                quit();
            }
        });
        frame.setJMenuBar(Menus.build(this, prefs.darkTheme()));
        frame.getContentPane().add(video, BorderLayout.CENTER);
        frame.getContentPane().add(status, BorderLayout.SOUTH);
        this.recording = new RecordingController(frame, prefs, status, video, pipeline);
        this.sources = new SourceController(frame, services, prefs, status, video, pipeline);
        this.models = new ModelController(frame, services, prefs, status, pipeline);
        this.detection = new DetectionController(frame, prefs, status, pipeline, services.analyzers());
        detection.startFirst();
        frame.getContentPane().add(recording.toolbar(), BorderLayout.NORTH);
        frame.pack();
        Rectangle bounds = prefs.windowBounds();
        if (bounds != null) {
            frame.setBounds(bounds);
        } else {
            frame.setLocationRelativeTo(null);
        }
    }

    /** Shows the window, loads the model and starts the camera, or the demo clip when there is none. */
    public void show() {
        frame.setVisible(true);
        models.startFirst();
        sources.startFirst();
    }

    JFrame frame() {
        return frame;
    }

    long framesShown() {
        return framesShown;
    }

    StatusBar status() {
        return status;
    }

    BufferedImage snapshot() {
        return video.snapshot();
    }

    boolean isPipelineRunning() {
        return pipeline.isRunning();
    }

    @Override
    public void openVideo() {
        sources.openVideo();
    }

    @Override
    public void openImage() {
        sources.openImage();
    }

    @Override
    public void openFolder() {
        sources.openFolder();
    }

    @Override
    public void playDemo() {
        sources.playDemo();
    }

    @Override
    public void openStream() {
        sources.openStream();
    }

    SourceController sources() {
        return sources;
    }

    @Override
    public boolean mirrorCamera() {
        return prefs.mirrorCamera();
    }

    @Override
    public void setMirrorCamera(boolean mirror) {
        prefs.mirrorCamera(mirror);
        pipeline.setMirror(mirror);
        status.message(mirror ? "Cameras are shown mirrored, as in a video call (M)." : "Cameras are shown as they see you (M).");
    }

    @Override
    public void openCamera(CameraDevice camera) {
        sources.openCamera(camera);
    }

    @Override
    public void cameraSettings() {
        sources.cameraSettings();
    }

    @Override
    public List<CameraDevice> cameras() {
        return sources.cameras();
    }

    @Override
    public void quit() {
        if (training != null && training.isTraining()) {
            int answer = JOptionPane.showConfirmDialog(frame, "A model is training. Quit anyway? The last completed epoch is kept "
                    + "and the run can be resumed (Model → Train model… → Resume a run…).", "Quit while training?", JOptionPane.OK_CANCEL_OPTION);
            if (answer != JOptionPane.OK_OPTION) {
                return;
            }
            training.requestStop();
        }
        prefs.windowBounds(frame.getBounds());
        recording.close();
        pipeline.close();
        frame.dispose();
        onClosed.run();
    }

    @Override
    public void toggleRecording() {
        recording.toggle();
    }

    @Override
    public void openSession() {
        recording.openSession(services.sources(), models::personalize);
    }

    @Override
    public void personalize() {
        JFileChooser chooser = new JFileChooser(prefs.sessionsFolder());
        chooser.setDialogTitle("Personalize: choose recorded sessions (folders with session.json)");
        chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
        chooser.setMultiSelectionEnabled(true);
        if (chooser.showDialog(frame, "Personalize with these") == JFileChooser.APPROVE_OPTION) {
            models.personalize(java.util.Arrays.stream(chooser.getSelectedFiles()).map(java.io.File::toPath).toList());
        }
    }

    @Override
    public void chooseSessionsFolder() {
        recording.chooseSessionsFolder();
    }

    RecordingController recording() {
        return recording;
    }

    @Override
    public void loadModel() {
        models.choose();
    }

    @Override
    public void trainModel() {
        if (training == null || !training.window().isDisplayable()) {
            training = new TrainingDialog(frame, this, prefs.lastTrainingData());
        }
        training.show();
    }

    @Override
    public void manageModels() {
        models.manage();
    }

    @Override
    public void importKerasModel() {
        models.importKeras();
    }

    TrainingDialog trainingDialog() {
        return training;
    }

    @Override
    public io.emolens.train.Trainer trainer() {
        return services.trainer();
    }

    @Override
    public Path runsFolder() {
        return services.runs();
    }

    @Override
    public void pauseLive(boolean paused) {
        pipeline.setPaused(paused);
        status.message(paused ? "Live video paused while a model trains." : " ");
    }

    @Override
    public void rememberTrainingData(Path data) {
        prefs.lastTrainingData(data.toAbsolutePath().toString());
    }

    @Override
    public Path installModel(Path trainedModel) {
        return models.install(trainedModel);
    }

    @Override
    public ModelLibrary modelLibrary() {
        return new ModelLibrary(services.models());
    }

    @Override
    public void detectionOnly() {
        models.detectionOnly();
    }

    @Override
    public void setDarkTheme(boolean dark) {
        prefs.darkTheme(dark);
        Themes.apply(dark);
        SwingUtilities.updateComponentTreeUI(frame);
    }

    @Override
    public void setOverlay(OverlayOptions options) {
        video.setOptions(options);
        prefs.overlay(options);
    }

    @Override
    public void detectionSettings() {
        detection.choose();
    }

    void applyDetector(DetectorSettings config) {
        detection.apply(config, true);
    }

    @Override
    public OverlayOptions overlay() {
        return video.options();
    }

    @Override
    public void togglePause() {
        pipeline.setPaused(!pipeline.isPaused());
        status.message(pipeline.isPaused() ? "Paused (Space resumes)" : " ");
    }

    @Override
    public void about() {
        Dialogs.about(frame);
    }

    @Override
    public void shortcuts() {
        Dialogs.shortcuts(frame, Menus.shortcutsText());
    }

    private record Shown(AnalyzedFrame frame, double fps) {
    }

    /** The newest frame waiting for the EDT: frames arriving faster than the EDT paints replace it instead of queuing. */
    private final java.util.concurrent.atomic.AtomicReference<Shown> toShow = new java.util.concurrent.atomic.AtomicReference<>();

    private final class PipelineListener implements LivePipeline.Listener {
        @Override
        public void onFrame(AnalyzedFrame analyzed, double fps) {
            recording.onFrame(analyzed);
            detection.onFrame();
            models.onFrame();
            if (toShow.getAndSet(new Shown(analyzed, fps)) == null) {
                SwingUtilities.invokeLater(() -> {
                    Shown next = toShow.getAndSet(null);
                    framesShown++;
                    video.show(next.frame(), next.fps());
                    status.frame(next.fps(), next.frame().faces().size());
                });
            }
        }

        @Override
        public void onStopped(String source, Optional<Throwable> error) {
            recording.onSourceStopped(source, error);
            SwingUtilities.invokeLater(() -> {
                if (error.isPresent()) {
                    sources.lost(source, error.get());
                } else {
                    status.message("End of " + source + ". Open another source from the File menu.");
                }
            });
        }
    }
}
