package io.emolens.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import javax.swing.SwingWorker;
import javax.swing.filechooser.FileNameExtensionFilter;

import io.emolens.classify.EmotionClassifier;
import io.emolens.pipeline.LivePipeline;
import io.emolens.session.ModelLibrary;

/**
 * Chooses the live classifier for the main window: the remembered or shipped model at start, a model file,
 * a freshly trained model, one picked in the model manager, or none (detection only). Models load on a
 * worker thread and replace the classifier without restarting the source.
 */
final class ModelController {
    static final String NO_MODEL = "No model loaded: detection only";

    private final JFrame frame;
    private final DesktopServices services;
    private final UiPreferences prefs;
    private final StatusBar status;
    private volatile String shownProblem;
    private final LivePipeline pipeline;

    ModelController(JFrame frame, DesktopServices services, UiPreferences prefs, StatusBar status, LivePipeline pipeline) {
        this.frame = frame;
        this.services = services;
        this.prefs = prefs;
        this.status = status;
        this.pipeline = pipeline;
    }

    /** Loads the last used model if it still exists, else the shipped default, else says detection only. */
    void startFirst() {
        Optional<Path> model = prefs.lastModel().isEmpty() ? services.analyzers().defaultModel()
                : Optional.of(Path.of(prefs.lastModel())).filter(p -> p.toFile().isFile()).or(() -> services.analyzers().defaultModel());
        if (model.isEmpty()) {
            status.model(NO_MODEL);
            return;
        }
        load(model.get());
    }

    void choose() {
        JFileChooser chooser = new JFileChooser(services.models().toFile());
        chooser.setDialogTitle("Load model");
        chooser.setFileFilter(new FileNameExtensionFilter("Emolens models (*.zip)", "zip"));
        if (chooser.showOpenDialog(frame) == JFileChooser.APPROVE_OPTION) {
            load(chooser.getSelectedFile().toPath());
        }
    }

    void manage() {
        new ModelManagerDialog(frame, new ModelLibrary(services.models(), services.shippedModels()), this::load).show();
    }

    /** Model → Import Keras model…: the accuracy check uses the FER2013 data last read for training. */
    KerasImportDialog importKeras() {
        String data = prefs.lastTrainingData();
        KerasImportDialog d = new KerasImportDialog(frame, new ModelLibrary(services.models()), data.isEmpty() ? null : Path.of(data), this::load);
        d.show();
        return d;
    }

    void load(Path file) {
        status.model("Loading " + file.getFileName() + "…");
        new SwingWorker<EmotionClassifier, Void>() {
            @Override
            protected EmotionClassifier doInBackground() {
                return services.analyzers().loadModel(file);
            }

            @Override
            protected void done() {
                try {
                    use(get(), file);
                } catch (ExecutionException e) {
                    status.model(NO_MODEL);
                    Dialogs.error(frame, "Model not loaded", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }.execute();
    }

    /** Copies a trained model into the models folder under its run's name and makes it the live classifier. */
    Path install(Path trainedModel) {
        String name = trainedModel.getParent() != null && trainedModel.getParent().getFileName() != null
                ? trainedModel.getParent().getFileName().toString() : "trained";
        Path installed = new ModelLibrary(services.models(), services.shippedModels()).install(trainedModel, name);
        use(services.analyzers().loadModel(installed), installed);
        return installed;
    }

    /**
     * Opens Personalize… for {@code sessions}: fine-tunes the model in use (else the default model); replays the FER2013
     * data last used for training when there is one; the result can be made the live model at once.
     */
    PersonalizeDialog personalize(List<Path> sessions) {
        Optional<Path> base = prefs.lastModel().isEmpty() ? services.analyzers().defaultModel()
                : Optional.of(Path.of(prefs.lastModel())).filter(p -> p.toFile().isFile()).or(() -> services.analyzers().defaultModel());
        if (base.isEmpty()) {
            Dialogs.error(frame, "Cannot personalize", new io.emolens.core.EmolensException(
                    "No model to start from: load a model (Model → Load model…) first."));
            return null;
        }
        String data = prefs.lastTrainingData();
        Path replay = data.isEmpty() || !Path.of(data).toFile().isFile() ? null : Path.of(data);
        PersonalizeDialog d = new PersonalizeDialog(frame, sessions, base.get(), services.models(), services.runs(), replay, this::load);
        d.show();
        return d;
    }

    /** Pipeline thread, after each frame: reports a model that failed while classifying (detection goes on). */
    void onFrame() {
        pipeline.classifierProblem().filter(p -> !p.equals(shownProblem)).ifPresent(p -> {
            shownProblem = p;
            SwingUtilities.invokeLater(() -> {
                status.model(NO_MODEL + " (the model failed)");
                status.message(p);
            });
        });
    }

    void detectionOnly() {
        pipeline.replaceClassifier(null);
        prefs.lastModel("");
        status.model(NO_MODEL);
    }

    private void use(EmotionClassifier classifier, Path file) {
        shownProblem = null;
        pipeline.replaceClassifier(classifier);
        status.model("Model: " + classifier.name());
        prefs.lastModel(file.toString());
    }
}
