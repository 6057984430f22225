package io.emolens.ui;

import java.nio.file.Path;

import io.emolens.secret.StreamPasswords;
import io.emolens.session.AnalyzerFactory;
import io.emolens.source.FrameSourceFactory;
import io.emolens.train.Trainer;

/**
 * What the desktop app needs from the rest of Emolens, provided by the app's wiring.
 *
 * @param sources   opens cameras and files
 * @param analyzers builds the detect/classify pipeline and loads models
 * @param demoClip  the clip played when no camera is present
 * @param models    the user's models folder: trained and imported models are saved here
 * @param trainer   trains models from FER2013 (Model → Train model…)
 * @param runs      where training run folders go by default
 * @param shippedModels the models that came with Emolens, listed beside the user's and never modified
 * @param passwords where network camera passwords are kept (the desktop's keyring, or nowhere)
 */
public record DesktopServices(FrameSourceFactory sources, AnalyzerFactory analyzers, Path demoClip, Path models,
                              Trainer trainer, Path runs, Path shippedModels,
                              StreamPasswords passwords) {
}
