package io.emolens.ui;

import java.nio.file.Path;

import io.emolens.session.ModelLibrary;
import io.emolens.train.Trainer;

/** What the training dialog needs from the main window. */
interface TrainingHost {
    Trainer trainer();

    /** Where new run folders go by default. */
    Path runsFolder();

    /** Pauses or resumes live video so training gets the CPU. */
    void pauseLive(boolean paused);

    /** Remembers the data last read, to offer it the next time the dialog opens. */
    void rememberTrainingData(Path data);

    /** Copies a trained model into the models folder and switches the live classifier to it; returns the installed file. */
    Path installModel(Path trainedModel);

    /** The models folder, where trained models are installed and ensembles are kept. */
    ModelLibrary modelLibrary();
}
