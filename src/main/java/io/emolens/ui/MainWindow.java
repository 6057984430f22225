package io.emolens.ui;

import java.awt.BorderLayout;
import java.awt.Rectangle;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JOptionPane;
import javax.swing.SwingUtilities;
import javax.swing.SwingWorker;
import javax.swing.WindowConstants;
import javax.swing.filechooser.FileNameExtensionFilter;

import io.emolens.classify.EmotionClassifier;
import io.emolens.pipeline.AnalyzedFrame;
import io.emolens.pipeline.ClassifyPolicy;
import io.emolens.pipeline.LivePipeline;
import io.emolens.render.OverlayOptions;
import io.emolens.session.ModelLibrary;
import io.emolens.source.FrameSource;
import io.emolens.track.TrackerConfig;

/**
 * The Emolens window: live video with overlay, menus, status bar. Owns the live pipeline; opening a source
 * stops (and releases) the previous one; closing the window releases everything. Swing state is touched only
 * on the EDT; opening sources and loading models run on worker threads.
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
    private volatile long framesShown;
    private TrainingDialog training;

    public MainWindow(DesktopServices services, UiPreferences prefs, Runnable onClosed) {
        this.services = services;
        this.prefs = prefs;
        this.onClosed = onClosed;
        this.video = new VideoPanel(prefs.overlay());
        this.pipeline = new LivePipeline(services.analyzers().create(null, TrackerConfig.DEFAULT, ClassifyPolicy.LIVE), new PipelineListener());
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
        startModel();
        startFirstSource();
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

    private void startFirstSource() {
        String last = prefs.lastSource();
        List<Integer> cameras = services.sources().cameras();
        if (last.startsWith("camera:") && cameras.contains(Integer.parseInt(last.substring(7)))) {
            openCamera(Integer.parseInt(last.substring(7)));
        } else if (last.startsWith("file:") && new File(last.substring(5)).exists()) {
            openPath(Path.of(last.substring(5)), last);
        } else if (!cameras.isEmpty()) {
            openCamera(cameras.get(0));
        } else {
            status.message("No camera found: playing the demo clip. Use File to open a video, image or folder.");
            playDemo();
        }
    }

    private void startModel() {
        Optional<Path> model = prefs.lastModel().isEmpty() ? services.analyzers().defaultModel()
                : Optional.of(Path.of(prefs.lastModel())).filter(p -> p.toFile().isFile()).or(() -> services.analyzers().defaultModel());
        if (model.isEmpty()) {
            status.model("No model loaded: detection only");
            return;
        }
        loadModel(model.get());
    }

    private void loadModel(Path file) {
        status.model("Loading " + file.getFileName() + "…");
        new SwingWorker<EmotionClassifier, Void>() {
            @Override
            protected EmotionClassifier doInBackground() {
                return services.analyzers().loadModel(file);
            }

            @Override
            protected void done() {
                try {
                    EmotionClassifier classifier = get();
                    pipeline.replaceClassifier(classifier);
                    status.model("Model: " + classifier.name());
                    prefs.lastModel(file.toString());
                } catch (ExecutionException e) {
                    status.model("No model loaded: detection only");
                    Dialogs.error(frame, "Model not loaded", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }.execute();
    }

    private void start(String description, Supplier<FrameSource> opener, boolean loop, String remember) {
        status.source("Opening " + description + "…");
        new SwingWorker<Void, Void>() {
            @Override
            protected Void doInBackground() {
                pipeline.start(opener, loop);
                return null;
            }

            @Override
            protected void done() {
                try {
                    get();
                    status.source(description);
                    prefs.lastSource(remember);
                } catch (ExecutionException e) {
                    status.source("No source");
                    video.clear("Nothing is playing.\nOpen a video, image or folder from the File menu, or play the demo clip (Ctrl+D).");
                    Dialogs.error(frame, "Cannot open " + description, e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }.execute();
    }

    private void openPath(Path path, String remember) {
        prefs.lastDirectory(String.valueOf(path.toAbsolutePath().getParent()));
        start(path.getFileName().toString(), () -> services.sources().open(path), false, remember);
    }

    private void choose(String title, int mode, FileNameExtensionFilter filter) {
        JFileChooser chooser = new JFileChooser(prefs.lastDirectory());
        chooser.setDialogTitle(title);
        chooser.setFileSelectionMode(mode);
        if (filter != null) {
            chooser.setFileFilter(filter);
        }
        if (chooser.showOpenDialog(frame) == JFileChooser.APPROVE_OPTION) {
            Path path = chooser.getSelectedFile().toPath();
            openPath(path, "file:" + path.toAbsolutePath());
        }
    }

    @Override
    public void openVideo() {
        choose("Open video", JFileChooser.FILES_ONLY, new FileNameExtensionFilter("Videos", "mp4", "avi", "mkv", "mov", "webm", "m4v", "mpg"));
    }

    @Override
    public void openImage() {
        choose("Open image", JFileChooser.FILES_ONLY, new FileNameExtensionFilter("Images", "png", "jpg", "jpeg", "bmp", "tif", "tiff", "webp"));
    }

    @Override
    public void openFolder() {
        choose("Open folder of images", JFileChooser.DIRECTORIES_ONLY, null);
    }

    @Override
    public void playDemo() {
        Path demo = services.demoClip();
        start("Demo clip (" + demo.getFileName() + ")", () -> services.sources().open(demo), true, "demo");
    }

    @Override
    public void openCamera(int index) {
        start("Camera " + index, () -> services.sources().camera(index), false, "camera:" + index);
    }

    @Override
    public List<Integer> cameras() {
        return services.sources().cameras();
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
        recording.openSession(services.sources());
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
        JFileChooser chooser = new JFileChooser(services.models().toFile());
        chooser.setDialogTitle("Load model");
        chooser.setFileFilter(new FileNameExtensionFilter("Emolens models (*.zip)", "zip"));
        if (chooser.showOpenDialog(frame) == JFileChooser.APPROVE_OPTION) {
            loadModel(chooser.getSelectedFile().toPath());
        }
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
        new ModelManagerDialog(frame, new ModelLibrary(services.models()), this::loadModel).show();
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
    public Path installModel(Path trainedModel) {
        String name = trainedModel.getParent() != null && trainedModel.getParent().getFileName() != null
                ? trainedModel.getParent().getFileName().toString() : "trained";
        Path installed = new ModelLibrary(services.models()).install(trainedModel, name);
        EmotionClassifier classifier = services.analyzers().loadModel(installed);
        pipeline.replaceClassifier(classifier);
        status.model("Model: " + classifier.name());
        prefs.lastModel(installed.toString());
        return installed;
    }

    @Override
    public void detectionOnly() {
        pipeline.replaceClassifier(null);
        prefs.lastModel("");
        status.model("No model loaded: detection only");
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

    private final class PipelineListener implements LivePipeline.Listener {
        @Override
        public void onFrame(AnalyzedFrame analyzed, double fps) {
            recording.onFrame(analyzed);
            SwingUtilities.invokeLater(() -> {
                framesShown++;
                video.show(analyzed, fps);
                status.frame(fps, analyzed.faces().size());
            });
        }

        @Override
        public void onStopped(String source, Optional<Throwable> error) {
            recording.onSourceStopped(source, error);
            SwingUtilities.invokeLater(() -> {
                if (error.isPresent()) {
                    status.message(source + " stopped: " + Dialogs.describe(error.get()));
                    Dialogs.error(frame, source + " stopped", error.get());
                } else {
                    status.message("End of " + source + ". Open another source from the File menu.");
                }
            });
        }
    }
}
